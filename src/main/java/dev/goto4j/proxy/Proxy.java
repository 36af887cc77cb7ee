package dev.goto4j.proxy;

import dev.goto4j.http.CallResult;
import dev.goto4j.server.Listener;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The proxy capability of an instance: finds the proxy of each listener (its targets and counts
 * live with the listener, so a target added through one port never proxies another port's
 * traffic) and makes the manual invocations of targets.
 */
public final class Proxy {

    private final Function<Listener, ProxyState> create;

    public Proxy(Vertx vertx) {
        this.create = listener -> new ProxyState(vertx, listener.limits().maxTrackedValues());
    }

    ProxyState state(Listener listener) {
        return listener.state(ProxyState.class, create);
    }

    /**
     * Sends one GET to each named target (its URL and replacement URI, with its added headers
     * and query) and answers what each got back, by name; 404 naming unknown ones first.
     */
    Future<Map<String, CallResult>> invoke(ProxyState state, List<String> names) {
        List<TargetRoute> routes = state.named(names);
        List<Future<CallResult>> calls = new ArrayList<>();
        for (TargetRoute route : routes) {
            calls.add(route.request(route.options(HttpMethod.GET, route.invocationUri()))
                    .compose(request -> {
                        route.addHeaders(request.headers(), null);
                        return request.send();
                    })
                    .compose(CallResult::read)
                    .recover(e -> Future.succeededFuture(CallResult.failed(e))));
        }
        return Future.join(calls).map(v -> {
            Map<String, CallResult> results = new LinkedHashMap<>();
            for (int i = 0; i < routes.size(); i++) {
                results.put(routes.get(i).name, calls.get(i).result());
            }
            return results;
        });
    }
}
