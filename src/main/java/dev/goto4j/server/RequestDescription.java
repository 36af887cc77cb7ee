package dev.goto4j.server;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the echo and catch-all answers tell about a request, as JSON. */
final class RequestDescription {

    private RequestDescription() {
    }

    static Map<String, Object> of(HttpServerRequest request) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("method", request.method().name());
        description.put("uri", request.uri());
        description.put("path", request.path());
        description.put("query", queryOf(request.params()));
        description.put("protocol", protocolOf(request));
        description.put("host", request.authority() == null ? "" : request.authority().toString());
        description.put("headers", headersOf(request.headers()));
        return description;
    }

    static String protocolOf(HttpServerRequest request) {
        return switch (request.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_1_1 -> "HTTP/1.1";
            case HTTP_2 -> "HTTP/2.0";
        };
    }

    private static Map<String, Object> queryOf(MultiMap params) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (String name : params.names()) {
            List<String> values = params.getAll(name);
            query.put(name, values.size() == 1 ? values.get(0) : values);
        }
        return query;
    }

    private static Map<String, String> headersOf(MultiMap headers) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            byName.merge(header.getKey(), header.getValue(), (a, b) -> a + ", " + b);
        }
        return byName;
    }
}
