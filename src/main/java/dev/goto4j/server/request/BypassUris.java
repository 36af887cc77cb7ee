package dev.goto4j.server.request;

import dev.goto4j.http.ApiException;
import dev.goto4j.server.Exchange;
import dev.goto4j.server.Listener;
import dev.goto4j.server.RuntimeStage;
import dev.goto4j.server.UriPattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The URIs a listener answers at once with its bypass status, untouched by forced status, delay,
 * payloads and proxying, such as the health checks of an orchestrator that must keep passing
 * while the rest of the traffic is being broken. Requests to them are counted per URI.
 */
public final class BypassUris {

    /** One bypass URI and the requests it answered. */
    private record Entry(UriPattern uri, LongAdder count) {
    }

    private volatile List<Entry> entries = List.of();
    private volatile int status = 200;

    static BypassUris of(Listener listener) {
        return listener.state(BypassUris.class, l -> new BypassUris());
    }

    /** The first stage: answers a bypass URI at once, and passes every other request on. */
    public static RuntimeStage stage() {
        return exchange -> of(exchange.listener()).apply(exchange);
    }

    private void apply(Exchange exchange) {
        List<Entry> current = entries;
        if (!current.isEmpty()) {
            String path = exchange.request().path();
            for (Entry entry : current) {
                if (entry.uri().matches(path)) {
                    entry.count().increment();
                    exchange.response().setStatusCode(status).end();
                    return;
                }
            }
        }
        exchange.proceed();
    }

    /** Adds a bypass URI; adding one already there keeps it and its count. */
    synchronized void add(UriPattern uri) {
        if (find(uri.toString()) == null) {
            entries = append(entries, new Entry(uri, new LongAdder()));
        }
    }

    /** Removes a bypass URI; 404 when it is not one. */
    synchronized void remove(String uri) {
        Entry entry = require(uri);
        entries = entries.stream().filter(e -> e != entry).toList();
    }

    synchronized void clear() {
        entries = List.of();
    }

    int status() {
        return status;
    }

    void setStatus(int newStatus) {
        status = newStatus;
    }

    /** The count of one bypass URI; 404 when it is not one. */
    long count(String uri) {
        return require(uri).count().sum();
    }

    /** Requests answered per bypass URI, in the order they were added. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        entries.forEach(e -> counts.put(e.uri().toString(), e.count().sum()));
        return counts;
    }

    private Entry require(String uri) {
        Entry entry = find(uri);
        if (entry == null) {
            throw ApiException.notFound("bypass uri", uri);
        }
        return entry;
    }

    private Entry find(String uri) {
        for (Entry entry : entries) {
            if (entry.uri().toString().equals(uri)) {
                return entry;
            }
        }
        return null;
    }

    private static List<Entry> append(List<Entry> list, Entry entry) {
        List<Entry> copy = new java.util.ArrayList<>(list);
        copy.add(entry);
        return List.copyOf(copy);
    }
}
