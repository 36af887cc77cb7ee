package dev.goto4j.proxy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The match criteria of a proxy target: request URIs, headers and query parameters. A request
 * that matches any one of them (OR) is proxied to the target.
 *
 * @param uris paths with optional {@code {name}} placeholders; {@code /} matches every request
 * @param headers {@code [name]} to match on presence, or {@code [name, value]} where the value
 *     may capture with placeholders
 * @param query like {@code headers}, for query parameters
 */
@JsonPropertyOrder({"headers", "uris", "query"})
public record ProxyMatch(List<String> uris, List<List<String>> headers, List<List<String>> query) {

    public ProxyMatch {
        uris = uris == null ? List.of() : uris;
        headers = headers == null ? List.of() : headers;
        query = query == null ? List.of() : query;
    }

    boolean isEmpty() {
        return uris.isEmpty() && headers.isEmpty() && query.isEmpty();
    }
}
