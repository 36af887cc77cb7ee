package dev.goto4j.server.response;

import dev.goto4j.http.ApiException;
import dev.goto4j.server.Exchange;
import dev.goto4j.server.Listener;
import dev.goto4j.server.RuntimeStage;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Headers a listener adds to every runtime response. The set is replaced whole on change, so
 * the request path reads it without a lock.
 */
public final class ResponseHeaders {

    private volatile MultiMap headers = HttpHeaders.headers();

    static ResponseHeaders of(Listener listener) {
        return listener.state(ResponseHeaders.class, l -> new ResponseHeaders());
    }

    /** The stage that puts the configured headers on the response, whoever answers it. */
    public static RuntimeStage stage() {
        return exchange -> of(exchange.listener()).apply(exchange);
    }

    private void apply(Exchange exchange) {
        MultiMap current = headers;
        if (!current.isEmpty()) {
            exchange.response().headers().addAll(current);
        }
        exchange.proceed();
    }

    synchronized void add(String name, String value) {
        MultiMap copy = HttpHeaders.headers().addAll(headers);
        copy.add(name, value);
        headers = copy;
    }

    /** Removes every value of a header; 404 when it was never added. */
    synchronized void remove(String name) {
        if (!headers.contains(name)) {
            throw ApiException.notFound("response header", name);
        }
        MultiMap copy = HttpHeaders.headers().addAll(headers);
        copy.remove(name);
        headers = copy;
    }

    synchronized void clear() {
        headers = HttpHeaders.headers();
    }

    /** The headers by name, each with its values in the order added. */
    Map<String, List<String>> view() {
        Map<String, List<String>> view = new LinkedHashMap<>();
        MultiMap current = headers;
        current.names().forEach(name -> view.put(name, current.getAll(name)));
        return view;
    }
}
