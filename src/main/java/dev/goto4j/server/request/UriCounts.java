package dev.goto4j.server.request;

import dev.goto4j.server.Exchange;
import dev.goto4j.server.Listener;
import dev.goto4j.server.RuntimeStage;
import dev.goto4j.util.BoundedMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts of a listener's runtime requests by path (the query is ignored), when enabled. */
public final class UriCounts {

    private final int maxPaths;
    private volatile boolean enabled;
    private volatile BoundedMap<LongAdder> byPath;

    UriCounts(int maxPaths) {
        this.maxPaths = maxPaths;
        this.byPath = new BoundedMap<>(maxPaths, LongAdder::new);
    }

    static UriCounts of(Listener listener) {
        return listener.state(UriCounts.class, l -> new UriCounts(l.limits().maxTrackedValues()));
    }

    /** The stage that counts each runtime request's path while counting is enabled. */
    public static RuntimeStage stage() {
        return exchange -> of(exchange.listener()).count(exchange);
    }

    private void count(Exchange exchange) {
        if (enabled) {
            byPath.get(exchange.request().path()).increment();
        }
        exchange.proceed();
    }

    boolean isEnabled() {
        return enabled;
    }

    void enable(boolean on) {
        enabled = on;
    }

    void clear() {
        byPath = new BoundedMap<>(maxPaths, LongAdder::new);
    }

    Map<String, Long> view() {
        return byPath.snapshot(LongAdder::sum);
    }
}
