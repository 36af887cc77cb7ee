package dev.goto4j.client;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.internal.VertxInternal;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The traffic of one target within one invocation: {@code replicas} independent loops, each
 * sending {@code requestCount} requests at least {@code delay} apart over a keep-alive pool of
 * one connection per replica. Stop is a flag each loop reads before its next request, so it
 * takes effect within one round; requests already sent still complete and are counted.
 */
final class TargetRun {

    private static final Logger log = LoggerFactory.getLogger(TargetRun.class);

    private final Vertx vertx;
    private final TargetPlan plan;
    private final ResultStore store;
    private final TargetCounts invocationCounts;
    private final TrackedHeaders tracked;
    private final int invocationIndex;
    private final LongAdder completed = new LongAdder();
    private final AtomicInteger replicasLeft;
    private final Promise<Void> done = Promise.promise();
    private volatile boolean stopRequested;
    private volatile boolean stopped;
    private HttpClientAgent client;

    TargetRun(Vertx vertx, TargetPlan plan, ResultStore store, TrackedHeaders tracked,
              int invocationIndex) {
        this.vertx = vertx;
        this.plan = plan;
        this.store = store;
        this.tracked = tracked;
        this.invocationIndex = invocationIndex;
        this.invocationCounts = new TargetCounts(plan.name);
        this.replicasLeft = new AtomicInteger(plan.replicas);
    }

    /** Starts the replicas; the future completes when all of them are done or stopped. */
    Future<Void> start() {
        client = vertx.httpClientBuilder().with(plan.clientOptions()).with(plan.poolOptions())
                .build();
        log.debug("Invocation {} starts target {} with {} replicas", invocationIndex, plan.name,
                plan.replicas);
        for (int i = 0; i < plan.replicas; i++) {
            // Each replica gets its own event-loop context (taken round-robin), so replicas
            // spread over the cores; its connection, callbacks and timers stay on that loop.
            Context context = ((VertxInternal) vertx).createEventLoopContext();
            context.runOnContext(v -> {
                if (plan.initialDelayMillis > 0) {
                    vertx.setTimer(plan.initialDelayMillis, id -> round(plan.requestCount));
                } else {
                    round(plan.requestCount);
                }
            });
        }
        return done.future();
    }

    void stop() {
        stopRequested = true;
    }

    String name() {
        return plan.name;
    }

    Target target() {
        return plan.target;
    }

    TargetCounts counts() {
        return invocationCounts;
    }

    boolean isFinished() {
        return done.future().isComplete();
    }

    ActiveStatus status() {
        return new ActiveStatus(completed.sum(), stopRequested, stopped, isFinished());
    }

    private void round(int left) {
        if (left == 0 || stopRequested) {
            replicaDone();
            return;
        }
        attempt(0).onComplete(ar -> {
            completed.increment();
            if (left == 1 || stopRequested || plan.delayMillis == 0) {
                round(left - 1);
            } else {
                vertx.setTimer(plan.delayMillis, id -> round(left - 1));
            }
        });
    }

    /** Sends one request, retrying failures it may retry; counts only the final outcome. */
    private Future<Void> attempt(int retry) {
        long started = System.nanoTime();
        String id = plan.sendId ? UUID.randomUUID().toString() : null;
        Promise<Void> outcome = Promise.promise();
        client.request(plan.requestOptions(id))
                .compose(request -> plan.body.length() == 0 ? request.send()
                        : request.send(plan.body))
                .compose(response -> response.end().map(response))
                .onComplete(ar -> {
                    boolean retriable = ar.failed() || isRetriable(ar.result().statusCode());
                    if (retriable && retry < plan.retries && !stopRequested) {
                        vertx.setTimer(Math.max(1, plan.retryDelayMillis),
                                t -> attempt(retry + 1).onComplete(outcome));
                        return;
                    }
                    long latency = System.nanoTime() - started;
                    if (ar.succeeded()) {
                        record(ar.result(), latency);
                    } else {
                        recordFailure(ar.cause(), latency);
                    }
                    outcome.complete();
                });
        return outcome.future();
    }

    private boolean isRetriable(int status) {
        return status >= 0 && status < plan.retriable.length && plan.retriable[status];
    }

    private void record(HttpClientResponse response, long latency) {
        String[] names = tracked.names();
        int status = response.statusCode();
        store.of(plan.name).response(status, response.headers(), names, latency);
        invocationCounts.response(status, response.headers(), names, latency);
    }

    private void recordFailure(Throwable failure, long latency) {
        String text = plan.errorText(failure);
        log.debug("Target {} request failed: {}", plan.name, text);
        store.of(plan.name).failure(text, latency);
        invocationCounts.failure(text, latency);
    }

    private void replicaDone() {
        if (replicasLeft.decrementAndGet() == 0) {
            stopped = stopRequested;
            client.close().onComplete(ar -> done.complete());
            log.debug("Invocation {} finished target {} after {} requests", invocationIndex,
                    plan.name, completed.sum());
        }
    }

    /** What {@code /client/targets/active} shows for a target in an invocation. */
    record ActiveStatus(long completedRequestCount, boolean stopRequested, boolean stopped,
                        boolean closed) {
    }
}
