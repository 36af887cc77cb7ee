package dev.goto4j.proxy;

import dev.goto4j.server.Exchange;
import dev.goto4j.server.RuntimeStage;
import io.vertx.core.http.HttpServerRequest;
import java.util.Arrays;

/**
 * The runtime stage that forwards a request to the enabled proxy targets of its listener that
 * match it, and lets the rest of the pipeline answer when none does. A forced status wins over
 * proxying: the request is then answered with it and never reaches upstream.
 */
public final class ProxyStage implements RuntimeStage {

    private final Proxy proxy;

    public ProxyStage(Proxy proxy) {
        this.proxy = proxy;
    }

    @Override
    public void handle(Exchange exchange) {
        if (exchange.forcedStatus() != 0) {
            exchange.proceed();
            return;
        }
        ProxyState state = proxy.state(exchange.listener());
        TargetRoute[] routes = state.routes();
        if (routes.length == 0) {
            exchange.proceed();
            return;
        }
        HttpServerRequest request = exchange.request();
        ProxyCounts counts = state.counts();
        TargetRoute[] matched = null;
        Match[] matches = null;
        int found = 0;
        for (TargetRoute route : routes) {
            Match match = route.isEnabled() ? route.match(request) : null;
            if (match == null) {
                continue;
            }
            if (matched == null) {
                matched = new TargetRoute[routes.length];
                matches = new Match[routes.length];
            }
            matched[found] = route;
            matches[found++] = match;
            counts.matched(route.name, request.uri(), match);
        }
        if (found == 0) {
            exchange.proceed();
        } else {
            ProxyCall.forward(exchange, counts, trim(matched, found), trim(matches, found));
        }
    }

    private static <T> T[] trim(T[] items, int length) {
        return items.length == length ? items : Arrays.copyOf(items, length);
    }
}
