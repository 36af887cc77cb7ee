package dev.goto4j.proxy;

import dev.goto4j.http.Names;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proxy of one listener: its targets in the order they were added, and its counts. Admin
 * calls change the targets under a lock and publish a fresh array; the runtime path only reads
 * that array, so it never waits.
 *
 * <p>Removing a target closes its client. Nothing tells the state when its listener is removed,
 * so the targets of a removed listener keep their clients until the instance stops; their idle
 * connections close by themselves after the keep-alive timeout.
 */
final class ProxyState {

    private static final TargetRoute[] NONE = new TargetRoute[0];

    private final Vertx vertx;
    private volatile TargetRoute[] routes = NONE;
    private volatile ProxyCounts counts;

    /** @param maxKeys distinct URIs, header values and query values kept per count */
    ProxyState(Vertx vertx, int maxKeys) {
        this.vertx = vertx;
        this.counts = new ProxyCounts(maxKeys);
    }

    /** The targets in the order they were added; never modify the array. */
    TargetRoute[] routes() {
        return routes;
    }

    ProxyCounts counts() {
        return counts;
    }

    void clearCounts() {
        counts = counts.cleared();
    }

    /**
     * Adds a target, or replaces the one of the same name in its place (its position decides
     * whose response a caller gets when several match). Answers true when it replaced one.
     */
    synchronized boolean add(ProxyTarget target) {
        TargetRoute route = new TargetRoute(vertx, target);
        TargetRoute[] current = routes;
        for (int i = 0; i < current.length; i++) {
            if (current[i].name.equals(target.name())) {
                TargetRoute[] next = current.clone();
                next[i] = route;
                routes = next;
                current[i].close();
                return true;
            }
        }
        TargetRoute[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = route;
        routes = next;
        return false;
    }

    /** Removes the named targets; 404 naming every unknown one, and then nothing is removed. */
    synchronized void remove(List<String> names) {
        List<TargetRoute> removed = named(names);
        routes = Arrays.stream(routes).filter(r -> !removed.contains(r))
                .toArray(TargetRoute[]::new);
        removed.forEach(TargetRoute::close);
    }

    synchronized void setEnabled(List<String> names, boolean enabled) {
        named(names).forEach(route -> route.setEnabled(enabled));
    }

    synchronized void clear() {
        TargetRoute[] old = routes;
        routes = NONE;
        for (TargetRoute route : old) {
            route.close();
        }
    }

    /** The named targets in the order named, or 404 naming every unknown one. */
    List<TargetRoute> named(List<String> names) {
        TargetRoute[] current = routes;
        return Names.requireAll(names, name -> Arrays.stream(current)
                .filter(r -> r.name.equals(name)).findFirst().orElse(null), "proxy target");
    }

    /** The targets as {@code GET /request/proxy/targets} lists them, by name. */
    Map<String, ProxyTarget> view() {
        Map<String, ProxyTarget> byName = new LinkedHashMap<>();
        for (TargetRoute route : routes) {
            byName.put(route.name, route.view());
        }
        return byName;
    }
}
