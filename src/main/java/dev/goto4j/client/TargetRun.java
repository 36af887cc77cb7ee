package dev.goto4j.client;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.netty.channel.EventLoop;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The traffic of one target within one invocation: {@code replicas} independent loops, each
 * sending {@code requestCount} requests at least {@code delay} apart over a keep-alive
 * connection of its own (HTTP/2 targets share a pool that negotiates it). Stop ends a replica waiting on a delay at once, and one with a
 * request in flight as soon as that request completes; requests already sent are counted.
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
    private volatile List<Replica> replicas = List.of();
    private List<HttpClientAgent> clients = List.of();

    TargetRun(Vertx vertx, TargetPlan plan, ResultStore store, TrackedHeaders tracked,
              int invocationIndex) {
        this.vertx = vertx;
        this.plan = plan;
        this.store = store;
        this.tracked = tracked;
        this.invocationIndex = invocationIndex;
        this.invocationCounts = store.newCounts(plan.name);
        this.replicasLeft = new AtomicInteger(plan.replicas);
    }

    /** Starts the replicas; the future completes when all of them are done or stopped. */
    Future<Void> start() {
        log.debug("Invocation {} starts target {} with {} replicas", invocationIndex, plan.name,
                plan.replicas);
        // Each replica gets its own event-loop context (taken round-robin), so replicas spread
        // over the cores. The replicas of one loop share a client whose pool holds one
        // connection each: a connection lives on the loop that opened it, and a replica that
        // took one from another loop would have every answer handed across threads.
        Map<EventLoop, List<ContextInternal>> byLoop = new LinkedHashMap<>();
        for (int i = 0; i < plan.replicas; i++) {
            ContextInternal context = ((VertxInternal) vertx).createEventLoopContext();
            byLoop.computeIfAbsent(context.nettyEventLoop(), loop -> new ArrayList<>())
                    .add(context);
        }
        List<Replica> loops = new ArrayList<>(plan.replicas);
        List<HttpClientAgent> opened = new ArrayList<>();
        byLoop.values().forEach(contexts -> {
            HttpClientAgent client = vertx.httpClientBuilder().with(plan.clientOptions())
                    .with(plan.poolOptions(contexts.size())).build();
            opened.add(client);
            contexts.forEach(context -> loops.add(new Replica(context, client)));
        });
        clients = opened;
        replicas = loops;
        loops.forEach(replica -> replica.context.runOnContext(v -> replica.begin()));
        return done.future();
    }

    /**
     * Asks the replicas to stop: a replica waiting out {@code initialDelay}, {@code delay} or
     * {@code retryDelay} stops at once; one with a request in flight stops when it completes.
     */
    void stop() {
        stopRequested = true;
        replicas.forEach(Replica::wake);
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

    /**
     * One replica's loop. Its state is touched only on its own event-loop context, so it needs
     * no lock: {@link #wake} hops onto that context before it looks at the pending timer.
     */
    private final class Replica {
        private final Context context;
        private final HttpClientAgent client;
        private long timer = -1;
        private Runnable onWake;
        private HttpClientConnection connection;

        Replica(Context context, HttpClientAgent client) {
            this.context = context;
            this.client = client;
        }

        void begin() {
            if (plan.initialDelayMillis > 0) {
                pause(plan.initialDelayMillis, () -> round(plan.requestCount), this::end);
            } else {
                round(plan.requestCount);
            }
        }

        private void round(int left) {
            if (left == 0 || stopRequested) {
                end();
                return;
            }
            attempt(0).onComplete(ar -> {
                completed.increment();
                if (left == 1 || stopRequested || plan.delayMillis == 0) {
                    round(left - 1);
                } else {
                    pause(plan.delayMillis, () -> round(left - 1), this::end);
                }
            });
        }

        /** Sends one request, retrying failures it may retry; counts only the final outcome. */
        private Future<Void> attempt(int retry) {
            long started = System.nanoTime();
            Promise<Void> outcome = Promise.promise();
            send().onComplete(ar -> {
                long latency = System.nanoTime() - started;
                if (ar.failed() || closesConnection(ar.result())) {
                    dropConnection();
                }
                boolean retriable = ar.failed() || isRetriable(ar.result().statusCode());
                if (retriable && retry < plan.retries && !stopRequested) {
                    Runnable count = () -> {
                        record(ar, latency);
                        outcome.complete();
                    };
                    pause(Math.max(1, plan.retryDelayMillis),
                            () -> attempt(retry + 1).onComplete(outcome), count);
                    return;
                }
                record(ar, latency);
                outcome.complete();
            });
            return outcome.future();
        }

        /** Runs {@code next} after {@code millis}, or {@code stopped} if stop comes first. */
        private void pause(long millis, Runnable next, Runnable stopped) {
            onWake = stopped;
            timer = vertx.setTimer(millis, id -> {
                timer = -1;
                onWake = null;
                next.run();
            });
        }

        /** Sends one request on this replica's own connection (opened first if need be). */
        private Future<HttpClientResponse> send() {
            if (!plan.ownConnections) {
                return sendOn(client);
            }
            HttpClientConnection open = connection;
            if (open != null) {
                return sendOn(open);
            }
            return client.connect(plan.connectOptions()).compose(opened -> {
                connection = opened;
                opened.closeHandler(v -> forget(opened));
                return sendOn(opened);
            });
        }

        private Future<HttpClientResponse> sendOn(HttpClient http) {
            String id = plan.sendId ? RequestIds.next() : null;
            return http.request(plan.requestOptions(id))
                    .compose(request -> plan.body.length() == 0 ? plan.prepare(request).send()
                            : plan.prepare(request).send(plan.body))
                    .compose(response -> response.end().map(response));
        }

        /** After a failed request the connection may be half broken: the next one opens anew. */
        private void dropConnection() {
            HttpClientConnection open = connection;
            if (open != null) {
                connection = null;
                open.close();
            }
        }

        /**
         * True when the server said it closes the connection after this answer: the next
         * request must not race the close on it.
         */
        private boolean closesConnection(HttpClientResponse response) {
            String connection = response.getHeader(HttpHeaders.CONNECTION);
            if (response.version() == HttpVersion.HTTP_1_0) {
                return !"keep-alive".equalsIgnoreCase(connection);
            }
            return "close".equalsIgnoreCase(connection);
        }

        private void forget(HttpClientConnection closed) {
            if (connection == closed) {
                connection = null;
            }
        }

        private void end() {
            dropConnection();
            replicaDone();
        }

        void wake() {
            context.runOnContext(v -> {
                if (timer >= 0 && vertx.cancelTimer(timer)) {
                    Runnable stopped = onWake;
                    timer = -1;
                    onWake = null;
                    stopped.run();
                }
            });
        }
    }

    private void record(AsyncResult<HttpClientResponse> ar, long latency) {
        if (ar.succeeded()) {
            record(ar.result(), latency);
        } else {
            recordFailure(ar.cause(), latency);
        }
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
            List<Future<Void>> closed = new ArrayList<>();
            clients.forEach(client -> closed.add(client.close()));
            Future.join(closed).onComplete(ar -> done.complete());
            log.debug("Invocation {} finished target {} after {} requests", invocationIndex,
                    plan.name, completed.sum());
        }
    }

    /** What {@code /client/targets/active} shows for a target in an invocation. */
    record ActiveStatus(long completedRequestCount, boolean stopRequested, boolean stopped,
                        boolean closed) {
    }
}
