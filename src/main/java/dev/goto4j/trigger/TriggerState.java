package dev.goto4j.trigger;

import dev.goto4j.http.CallResult;
import dev.goto4j.http.Names;
import dev.goto4j.util.CountsByStatus;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.PoolOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The triggers of one listener, their counts, and the one pooled HTTP client their calls share.
 * Admin calls change the triggers under a lock and publish a fresh array and status table; the
 * runtime path only reads them.
 *
 * <p>Calls are bounded so that a flood of matching responses cannot exhaust memory: at most
 * {@link #MAX_CONNECTIONS} connections per trigger host and {@link #MAX_WAITING} calls waiting
 * for one. A call beyond that fails at once and is counted under status 0, like any call that
 * got no response.
 *
 * <p>Nothing tells the state when its listener is removed, so the client of a removed listener
 * stays until the instance stops; its idle connections close after the keep-alive timeout.
 */
final class TriggerState {

    private static final Logger log = LoggerFactory.getLogger(TriggerState.class);
    static final int MAX_CONNECTIONS = 32;
    static final int MAX_WAITING = 1000;
    private static final TriggerPlan[] NONE = new TriggerPlan[0];
    private static final Handler<Buffer> DISCARD = data -> { };

    private final Vertx vertx;
    private volatile HttpClientAgent client;
    private volatile TriggerPlan[] plans = NONE;
    private volatile boolean[] armed = new boolean[600];
    private volatile boolean anyArmed;
    private volatile CountsByStatus counts = new CountsByStatus();
    private final IntConsumer firing = this::fire;

    TriggerState(Vertx vertx) {
        this.vertx = vertx;
    }

    /** True when some enabled trigger fires on some status; lets the stage skip all others. */
    boolean isArmed() {
        return anyArmed;
    }

    /** {@link #fire} as a callback, made once so that arming a response allocates nothing. */
    IntConsumer firing() {
        return firing;
    }

    /** Fires, without waiting, every enabled trigger listed for {@code status}. */
    void fire(int status) {
        if (status < 0 || status >= 600 || !armed[status]) {
            return;
        }
        for (TriggerPlan plan : plans) {
            if (plan.firesOn(status)) {
                send(plan).onSuccess(response -> response.handler(DISCARD));
            }
        }
    }

    /** Makes one call of {@code plan} and counts its outcome when the response status is known. */
    private Future<HttpClientResponse> send(TriggerPlan plan) {
        CountsByStatus current = counts;
        return client().request(plan.options())
                .compose(request -> {
                    request.headers().addAll(plan.headers());
                    return request.send(plan.body());
                })
                .onSuccess(response -> current.count(plan.name, response.statusCode()))
                .onFailure(e -> {
                    current.count(plan.name, 0);
                    log.debug("Trigger {} got no response from {}: {}", plan.name,
                            plan.trigger.url(), e.toString());
                });
    }

    /** Fires the named triggers once each, enabled or not, and answers what each got back. */
    Future<Map<String, CallResult>> invoke(List<String> names) {
        List<TriggerPlan> chosen = named(names);
        List<Future<CallResult>> calls = new ArrayList<>();
        for (TriggerPlan plan : chosen) {
            calls.add(send(plan).compose(CallResult::read)
                    .recover(e -> Future.succeededFuture(CallResult.failed(e))));
        }
        return Future.join(calls).map(v -> {
            Map<String, CallResult> results = new LinkedHashMap<>();
            for (int i = 0; i < chosen.size(); i++) {
                results.put(chosen.get(i).name, calls.get(i).result());
            }
            return results;
        });
    }

    private HttpClientAgent client() {
        HttpClientAgent existing = client;
        if (existing != null) {
            return existing;
        }
        synchronized (this) {
            if (client == null) {
                client = vertx.httpClientBuilder()
                        .with(new HttpClientOptions().setKeepAlive(true)
                                .setConnectTimeout(TriggerPlan.CONNECT_TIMEOUT_MILLIS)
                                // Trigger URLs are the user's own services: any certificate does.
                                .setTrustAll(true).setVerifyHost(false).setForceSni(true))
                        .with(new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS)
                                .setMaxWaitQueueSize(MAX_WAITING))
                        .build();
            }
            return client;
        }
    }

    /** Adds a trigger, or replaces the one of the same name; answers true when it replaced. */
    synchronized boolean add(Trigger trigger) {
        TriggerPlan plan = new TriggerPlan(trigger);
        TriggerPlan[] current = plans;
        for (int i = 0; i < current.length; i++) {
            if (current[i].name.equals(trigger.name())) {
                TriggerPlan[] next = current.clone();
                next[i] = plan;
                publish(next);
                return true;
            }
        }
        TriggerPlan[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = plan;
        publish(next);
        return false;
    }

    synchronized void remove(List<String> names) {
        List<TriggerPlan> removed = named(names);
        publish(Arrays.stream(plans).filter(p -> !removed.contains(p))
                .toArray(TriggerPlan[]::new));
    }

    synchronized void setEnabled(List<String> names, boolean enabled) {
        named(names).forEach(plan -> plan.setEnabled(enabled));
        publish(plans);
    }

    synchronized void clear() {
        publish(NONE);
    }

    void clearCounts() {
        counts = new CountsByStatus();
    }

    /** The calls made, by trigger name and then the status each got back (0 for none). */
    CountsByStatus counts() {
        return counts;
    }

    /** Publishes a new trigger list with the table of statuses its enabled triggers fire on. */
    private void publish(TriggerPlan[] next) {
        boolean[] table = new boolean[600];
        boolean any = false;
        for (TriggerPlan plan : next) {
            if (plan.isEnabled()) {
                plan.markStatuses(table);
                any = true;
            }
        }
        armed = table;
        plans = next;
        anyArmed = any;
    }

    /** The named triggers, or 404 naming every unknown one. */
    private List<TriggerPlan> named(List<String> names) {
        TriggerPlan[] current = plans;
        return Names.requireAll(names, name -> Arrays.stream(current)
                .filter(p -> p.name.equals(name)).findFirst().orElse(null), "trigger");
    }

    /** The triggers as {@code GET /response/trigger/list} shows them, by name. */
    Map<String, Trigger> view() {
        Map<String, Trigger> byName = new LinkedHashMap<>();
        for (TriggerPlan plan : plans) {
            byName.put(plan.name, plan.view());
        }
        return byName;
    }
}
