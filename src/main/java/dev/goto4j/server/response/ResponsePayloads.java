package dev.goto4j.server.response;

import dev.goto4j.server.Exchange;
import dev.goto4j.server.Listener;
import dev.goto4j.server.RuntimeStage;
import dev.goto4j.server.UriPattern;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The payloads a listener answers runtime requests with instead of its normal answer: one for
 * requests matching a URI, one for requests carrying a header (with a given value, or any), and a
 * default. The first that applies wins, in that order: URI, header and value, header, default.
 * Each payload is served with the Content-Type it was set with. The configuration is replaced
 * whole on change, so the request path reads it without a lock.
 */
public final class ResponsePayloads {

    /** A payload and the Content-Type it was set with. */
    record Payload(Buffer body, String contentType) {

        String text() {
            return body.toString();
        }
    }

    /**
     * The whole configuration; empty maps and a null default when nothing is set. Its maps are
     * never changed once published: a change builds new ones.
     */
    private record Config(Payload fallback, Map<String, UriPayload> byUri,
                          Map<String, Map<String, Payload>> byHeader, String lastContentType) {

        boolean isEmpty() {
            return fallback == null && byUri.isEmpty() && byHeader.isEmpty();
        }
    }

    private record UriPayload(UriPattern uri, Payload payload) {
    }

    /** The header-value key of a payload set for any value of its header. */
    private static final String ANY_VALUE = "";

    private volatile Config config = new Config(null, Map.of(), Map.of(), "");

    static ResponsePayloads of(Listener listener) {
        return listener.state(ResponsePayloads.class, l -> new ResponsePayloads());
    }

    /** The stage that answers with a configured payload when one applies. */
    public static RuntimeStage stage() {
        return exchange -> of(exchange.listener()).apply(exchange);
    }

    private void apply(Exchange exchange) {
        Config current = config;
        Payload payload = current.isEmpty() ? null : find(current, exchange);
        if (payload == null) {
            exchange.proceed();
            return;
        }
        int requested = exchange.requestedStatus();
        exchange.response().setStatusCode(exchange.statusOr(requested != 0 ? requested : 200))
                .putHeader(HttpHeaders.CONTENT_TYPE, payload.contentType())
                .end(payload.body());
    }

    private static Payload find(Config current, Exchange exchange) {
        String path = exchange.request().path();
        for (UriPayload candidate : current.byUri().values()) {
            if (path != null && candidate.uri().matches(path)) {
                return candidate.payload();
            }
        }
        if (!current.byHeader().isEmpty()) {
            Payload byHeader = findByHeader(current.byHeader(), exchange.request().headers());
            if (byHeader != null) {
                return byHeader;
            }
        }
        return current.fallback();
    }

    private static Payload findByHeader(Map<String, Map<String, Payload>> byHeader,
                                        MultiMap headers) {
        Payload anyValue = null;
        for (Map.Entry<String, Map<String, Payload>> header : byHeader.entrySet()) {
            String value = headers.get(header.getKey());
            if (value == null) {
                continue;
            }
            Payload exact = header.getValue().get(value);
            if (exact != null) {
                return exact;
            }
            if (anyValue == null) {
                anyValue = header.getValue().get(ANY_VALUE);
            }
        }
        return anyValue;
    }

    synchronized void setDefault(Payload payload) {
        Config c = config;
        config = new Config(payload, c.byUri(), c.byHeader(), payload.contentType());
    }

    synchronized void setForUri(UriPattern uri, Payload payload) {
        Config c = config;
        Map<String, UriPayload> byUri = new LinkedHashMap<>(c.byUri());
        byUri.put(uri.toString(), new UriPayload(uri, payload));
        config = new Config(c.fallback(), byUri, c.byHeader(), payload.contentType());
    }

    /** Sets the payload for requests carrying {@code header}; a null value means any value. */
    synchronized void setForHeader(String header, String value, Payload payload) {
        Config c = config;
        String name = header.toLowerCase(Locale.ROOT);
        Map<String, Map<String, Payload>> byHeader = new LinkedHashMap<>(c.byHeader());
        Map<String, Payload> byValue = new LinkedHashMap<>(byHeader.getOrDefault(name, Map.of()));
        byValue.put(value == null ? ANY_VALUE : value, payload);
        byHeader.put(name, byValue);
        config = new Config(c.fallback(), c.byUri(), byHeader, payload.contentType());
    }

    synchronized void clear() {
        config = new Config(null, Map.of(), Map.of(), "");
    }

    /** What {@code GET /response/payload} shows: every payload as text. */
    Map<String, Object> view() {
        Config c = config;
        Map<String, String> byUri = new LinkedHashMap<>();
        c.byUri().forEach((uri, entry) -> byUri.put(uri, entry.payload().text()));
        Map<String, Map<String, String>> byHeader = new LinkedHashMap<>();
        c.byHeader().forEach((header, values) -> {
            Map<String, String> texts = new LinkedHashMap<>();
            values.forEach((value, payload) -> texts.put(value, payload.text()));
            byHeader.put(header, texts);
        });
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("responseContentType", c.lastContentType());
        view.put("defaultResponsePayload", c.fallback() == null ? "" : c.fallback().text());
        view.put("responsePayloadByURIs", byUri);
        view.put("responsePayloadByHeaders", byHeader);
        return view;
    }
}
