package dev.goto4j.server.request;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.goto4j.http.ApiException;
import dev.goto4j.http.Problem;
import dev.goto4j.server.Exchange;
import dev.goto4j.server.Listener;
import dev.goto4j.server.RuntimeStage;
import dev.goto4j.util.BoundedMap;
import io.vertx.core.MultiMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The request headers a listener counts: for each tracked header, requests by value, by value
 * and the status a {@code /status/{code}} request asked for, and by value and the status sent.
 * The tracked set is replaced whole on change, so the request path reads it without a lock.
 */
public final class HeaderTracking {

    private final int maxValues;
    private volatile Map<String, HeaderCounts> tracked = Map.of();

    HeaderTracking(int maxValues) {
        this.maxValues = maxValues;
    }

    static HeaderTracking of(Listener listener) {
        return listener.state(HeaderTracking.class,
                l -> new HeaderTracking(l.limits().maxTrackedValues()));
    }

    /** The stage that counts tracked headers on arrival and their response status at the end. */
    public static RuntimeStage stage() {
        return exchange -> of(exchange.listener()).watch(exchange);
    }

    private void watch(Exchange exchange) {
        Map<String, HeaderCounts> current = tracked;
        if (!current.isEmpty()) {
            count(exchange, current);
        }
        exchange.proceed();
    }

    private static void count(Exchange exchange, Map<String, HeaderCounts> current) {
        MultiMap headers = exchange.request().headers();
        int requested = exchange.requestedStatus();
        for (Map.Entry<String, HeaderCounts> entry : current.entrySet()) {
            String value = headers.get(entry.getKey());
            if (value == null) {
                continue;
            }
            ValueCounts byValue = entry.getValue().byValue.get(value);
            byValue.requests.increment();
            if (requested != 0) {
                byValue.requested(requested);
            }
            exchange.whenEnded(byValue::responded);
        }
    }

    synchronized void add(List<String> headers) {
        Map<String, HeaderCounts> copy = new LinkedHashMap<>(tracked);
        headers.forEach(h -> copy.putIfAbsent(lower(h), new HeaderCounts(maxValues)));
        tracked = copy;
    }

    /** Stops tracking the headers; 404 naming those not tracked, and then nothing changes. */
    synchronized void remove(List<String> headers) {
        requireTracked(headers);
        Map<String, HeaderCounts> copy = new LinkedHashMap<>(tracked);
        headers.forEach(h -> copy.remove(lower(h)));
        tracked = copy;
    }

    synchronized void clear() {
        tracked = Map.of();
    }

    /** Resets the counts of the headers given, or of all when null. */
    synchronized void clearCounts(List<String> headers) {
        if (headers != null) {
            requireTracked(headers);
        }
        Map<String, HeaderCounts> copy = new LinkedHashMap<>(tracked);
        copy.replaceAll((name, counts) -> headers == null || headers.stream()
                .anyMatch(h -> lower(h).equals(name)) ? new HeaderCounts(maxValues) : counts);
        tracked = copy;
    }

    List<String> names() {
        return List.copyOf(tracked.keySet());
    }

    /** The counts of every tracked header, by lower-case name. */
    Map<String, View> view() {
        Map<String, View> view = new LinkedHashMap<>();
        tracked.forEach((name, counts) -> view.put(name, counts.view()));
        return view;
    }

    /** The counts of one header; 404 when it is not tracked. */
    View view(String header) {
        requireTracked(List.of(header));
        return tracked.get(lower(header)).view();
    }

    private void requireTracked(List<String> headers) {
        List<String> unknown = headers.stream().filter(h -> !tracked.containsKey(lower(h))).toList();
        if (!unknown.isEmpty()) {
            String list = String.join(",", unknown);
            throw new ApiException(404, "header not tracked: " + list,
                    List.of(Problem.of("headers", list, "headers added to tracking")));
        }
    }

    private static String lower(String header) {
        return header.toLowerCase(Locale.ROOT);
    }

    /** Counts of one tracked header, by value. */
    private static final class HeaderCounts {
        final BoundedMap<ValueCounts> byValue;

        HeaderCounts(int maxValues) {
            this.byValue = new BoundedMap<>(maxValues, ValueCounts::new);
        }

        View view() {
            return new View(byValue.snapshot(v -> v.requests.sum()),
                    nonEmpty(byValue.snapshot(v -> codes(v.byRequestedStatus))),
                    nonEmpty(byValue.snapshot(v -> codes(v.byResponseStatus))));
        }
    }

    /** Counts of one value of a tracked header. */
    private static final class ValueCounts {
        final LongAdder requests = new LongAdder();
        final ConcurrentHashMap<Integer, LongAdder> byRequestedStatus = new ConcurrentHashMap<>();
        final ConcurrentHashMap<Integer, LongAdder> byResponseStatus = new ConcurrentHashMap<>();

        void requested(int status) {
            byRequestedStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        }

        void responded(int status) {
            byResponseStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        }
    }

    private static Map<String, Long> codes(ConcurrentHashMap<Integer, LongAdder> byStatus) {
        Map<String, Long> view = new TreeMap<>();
        byStatus.forEach((status, n) -> view.put(String.valueOf(status), n.sum()));
        return view;
    }

    /** Values whose status counts are empty are left out, as when nothing was asked for. */
    private static Map<String, Map<String, Long>> nonEmpty(Map<String, Map<String, Long>> byValue) {
        byValue.values().removeIf(Map::isEmpty);
        return byValue;
    }

    /** The counts of one header as {@code /request/headers/track/counts} shows them. */
    @JsonPropertyOrder({"RequestCountsByHeaderValue", "RequestCountsByHeaderValueAndRequestedStatus",
            "RequestCountsByHeaderValueAndResponseStatus"})
    record View(
            @JsonProperty("RequestCountsByHeaderValue") Map<String, Long> byValue,
            @JsonProperty("RequestCountsByHeaderValueAndRequestedStatus")
            Map<String, Map<String, Long>> byValueAndRequestedStatus,
            @JsonProperty("RequestCountsByHeaderValueAndResponseStatus")
            Map<String, Map<String, Long>> byValueAndResponseStatus) {
    }
}
