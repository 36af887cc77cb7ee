package dev.goto4j.server.request;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.goto4j.server.Exchange;
import dev.goto4j.server.Listener;
import dev.goto4j.server.RuntimeStage;
import dev.goto4j.util.BoundedMap;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tells how often clients give up on a listener: of the tracked requests, how many were answered
 * ({@code RequestCompleted}) and how many lost their connection before the answer was written
 * ({@code ConnectionClosed}), for all requests and per tracked header and value. Paired with a
 * response delay longer than a client's timeout, it shows that client's timeout behaviour.
 */
public final class TimeoutTracking {

    /** What is tracked and the counts so far, replaced whole on change or clear. */
    private record Config(boolean all, Outcomes allOutcomes,
                          Map<String, BoundedMap<Outcomes>> byHeader) {

        boolean isOff() {
            return !all && byHeader.isEmpty();
        }
    }

    private final int maxValues;
    private volatile Config config;

    TimeoutTracking(int maxValues) {
        this.maxValues = maxValues;
        this.config = new Config(false, new Outcomes(), Map.of());
    }

    static TimeoutTracking of(Listener listener) {
        return listener.state(TimeoutTracking.class,
                l -> new TimeoutTracking(l.limits().maxTrackedValues()));
    }

    /** The stage that watches how each tracked request ends. */
    public static RuntimeStage stage() {
        return exchange -> of(exchange.listener()).watch(exchange);
    }

    private void watch(Exchange exchange) {
        Config current = config;
        if (!current.isOff()) {
            track(exchange, current);
        }
        exchange.proceed();
    }

    private static void track(Exchange exchange, Config current) {
        List<Outcomes> outcomes = new ArrayList<>(current.byHeader().size() + 1);
        if (current.all()) {
            outcomes.add(current.allOutcomes());
        }
        MultiMap headers = exchange.request().headers();
        current.byHeader().forEach((name, byValue) -> {
            String value = headers.get(name);
            if (value != null) {
                outcomes.add(byValue.get(value));
            }
        });
        if (outcomes.isEmpty()) {
            return;
        }
        exchange.whenEnded(status -> outcomes.forEach(o -> o.completed.increment()));
        exchange.whenClosedEarly(() -> outcomes.forEach(o -> o.closed.increment()));
    }

    synchronized void trackAll() {
        Config c = config;
        config = new Config(true, c.allOutcomes(), c.byHeader());
    }

    synchronized void trackHeaders(List<String> names) {
        Config c = config;
        Map<String, BoundedMap<Outcomes>> byHeader = new LinkedHashMap<>(c.byHeader());
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            byHeader.computeIfAbsent(lower, n -> new BoundedMap<>(maxValues, Outcomes::new));
        }
        config = new Config(c.all(), c.allOutcomes(), byHeader);
    }

    /** Stops all tracking and forgets the counts. */
    synchronized void clear() {
        config = new Config(false, new Outcomes(), Map.of());
    }

    /** What {@code /request/timeout/status} shows. */
    Map<String, Object> view() {
        Config c = config;
        Map<String, Map<String, Outcomes.View>> headers = new LinkedHashMap<>();
        c.byHeader().forEach((name, byValue) -> headers.put(name, byValue.snapshot(Outcomes::view)));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("trackAll", c.all());
        view.put("trackedHeaders", List.copyOf(c.byHeader().keySet()));
        view.put("all", c.allOutcomes().view());
        view.put("headers", headers);
        return view;
    }

    /** How tracked requests ended. */
    private static final class Outcomes {
        final LongAdder closed = new LongAdder();
        final LongAdder completed = new LongAdder();

        View view() {
            return new View(closed.sum(), completed.sum());
        }

        @JsonPropertyOrder({"ConnectionClosed", "RequestCompleted"})
        record View(@JsonProperty("ConnectionClosed") long connectionClosed,
                    @JsonProperty("RequestCompleted") long requestCompleted) {
        }
    }
}
