package dev.goto4j.client;

import dev.goto4j.http.ApiException;
import dev.goto4j.http.Problem;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of one goto instance: its targets, the invocations that send traffic to them, the
 * headers it tracks and the results it counts. The admin API ({@code /client/...}) drives it;
 * other capabilities use it directly: the registry pushes targets through
 * {@code POST /client/targets/add} and reports {@link #results()} and
 * {@link #invocationResults()} to its lockers, and jobs send single requests with
 * {@link #invokeOnce(Target, int)}.
 */
public final class Client {

    private static final Logger log = LoggerFactory.getLogger(Client.class);

    /** Finished invocations kept for {@code /client/results/invocations}; older ones go. */
    static final int MAX_INVOCATIONS = 1000;

    private final Vertx vertx;
    private final TrustRoots roots;
    private final Targets targets = new Targets();
    private final TrackedHeaders tracked = new TrackedHeaders();
    private final ResultStore results;
    private final Map<Integer, Invocation> invocations = new ConcurrentSkipListMap<>();
    // Running invocations stay reachable for stop and active even after results are cleared.
    private final java.util.Set<Invocation> running =
            java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextIndex = new AtomicInteger();
    private volatile boolean blocking = true;

    /**
     * @param certs the folder of trusted root certificates
     * @param maxTrackedValues distinct header values and error texts counted per target
     */
    public Client(Vertx vertx, Path certs, int maxTrackedValues) {
        this.vertx = vertx;
        this.roots = TrustRoots.from(certs);
        this.results = new ResultStore(maxTrackedValues);
    }

    /** Adds (or replaces) a target; starts it at once if it is marked {@code autoInvoke}. */
    public void add(Target target) {
        targets.put(target);
        log.info("Client target {} added for {} {}", target.name(), target.method(), target.url());
        if (Boolean.TRUE.equals(target.autoInvoke())) {
            invoke(List.of(target));
        }
    }

    public List<Target> targets() {
        return targets.all();
    }

    void remove(List<String> names) {
        targets.remove(names);
    }

    void clearTargets() {
        targets.clear();
    }

    /** Starts a new invocation of the named targets; 404 naming unknown ones, nothing started. */
    Invocation invoke(List<String> names, boolean all) {
        // A name listed twice is one target: its counts are kept by name.
        List<Target> chosen = all ? targets.all()
                : targets.named(new ArrayList<>(new LinkedHashSet<>(names)));
        if (chosen.isEmpty()) {
            throw new ApiException(404, "no targets to invoke",
                    List.of(Problem.of("targets", "all", "at least one configured target")));
        }
        return invoke(chosen);
    }

    private Invocation invoke(List<Target> chosen) {
        int index = nextIndex.incrementAndGet();
        List<TargetRun> runs = new ArrayList<>();
        for (Target target : chosen) {
            runs.add(new TargetRun(vertx, new TargetPlan(target, roots), results, tracked, index));
        }
        Invocation invocation = Invocation.start(index, runs);
        invocations.put(index, invocation);
        running.add(invocation);
        forgetOldInvocations();
        log.info("Client invocation {} started for {} targets", index, runs.size());
        invocation.finished().onComplete(ar -> {
            running.remove(invocation);
            log.info("Client invocation {} finished", index);
        });
        return invocation;
    }

    private void forgetOldInvocations() {
        if (invocations.size() <= MAX_INVOCATIONS) {
            return;
        }
        for (Invocation old : new ArrayList<>(invocations.values())) {
            if (invocations.size() <= MAX_INVOCATIONS) {
                return;
            }
            if (old.isFinished()) {
                invocations.remove(old.index());
            }
        }
    }

    /**
     * Asks running invocations of the named targets (all when null) to stop; 404 naming any
     * name that is neither configured nor running, and then nothing is stopped.
     */
    void stop(List<String> names) {
        if (names != null) {
            List<String> unknown = new ArrayList<>(names);
            unknown.removeIf(name -> targets.has(name) || isRunning(name));
            if (!unknown.isEmpty()) {
                targets.named(unknown);
            }
        }
        running.forEach(invocation -> invocation.stop(names));
    }

    private boolean isRunning(String name) {
        return running.stream().flatMap(invocation -> invocation.runs().stream())
                .anyMatch(run -> run.name().equals(name));
    }

    boolean isBlocking() {
        return blocking;
    }

    void setBlocking(boolean blocking) {
        this.blocking = blocking;
    }

    TrackedHeaders tracked() {
        return tracked;
    }

    /** A snapshot of all results since they were last cleared. */
    public ClientResults results() {
        return results.snapshot();
    }

    /** Every kept invocation by index, as {@code /client/results/invocations} shows them. */
    Map<String, Invocation.View> invocationViews() {
        Map<String, Invocation.View> views = new LinkedHashMap<>();
        invocations.forEach((index, invocation) -> views.put(String.valueOf(index),
                invocation.view()));
        return views;
    }

    /**
     * The results of every kept invocation, oldest first. Once an invocation has finished, its
     * results never change and are the same object on every call, so a reader that keeps what
     * it has seen can skip them by reference instead of comparing their content.
     */
    public List<InvocationResults> invocationResults() {
        List<InvocationResults> all = new ArrayList<>(invocations.size());
        invocations.forEach((index, invocation) -> {
            Invocation.View view = invocation.view();
            all.add(new InvocationResults(index, view.finished(), view.results()));
        });
        return all;
    }

    /** The running targets by name, then invocation index, as {@code /client/targets/active}. */
    Map<String, Object> active() {
        Map<String, Map<String, TargetRun.ActiveStatus>> byTarget = new java.util.TreeMap<>();
        int count = 0;
        for (Invocation invocation : running) {
            for (TargetRun run : invocation.runs()) {
                if (!run.isFinished()) {
                    count++;
                    byTarget.computeIfAbsent(run.name(), n -> new LinkedHashMap<>())
                            .put(String.valueOf(invocation.index()), run.status());
                }
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("activeCount", count);
        view.put("activeInvocations", byTarget);
        return view;
    }

    /** Clears all results and restarts invocation numbering at 1. */
    void clearResults() {
        results.clear();
        invocations.clear();
        nextIndex.set(0);
    }

    void clearResults(List<String> names) {
        results.clear(names);
    }

    /**
     * Sends one request as {@code target} describes it (method, URL, headers, body, protocol,
     * TLS and timeouts; counts, delays and retries are not applied), on a client opened for the
     * call and closed after it. Keeps at most {@code maxBodyBytes} of the answer's body and
     * drops the rest, so a large download cannot fill the heap. Fails when no response came.
     */
    public Future<Response> invokeOnce(Target target, int maxBodyBytes) {
        TargetPlan plan = new TargetPlan(target, roots);
        HttpClientAgent once = vertx.httpClientBuilder().with(plan.clientOptions()).build();
        String id = plan.sendId ? RequestIds.next() : null;
        return once.request(plan.requestOptions(id))
                .compose(request -> plan.prepare(request).send(plan.body))
                .compose(response -> {
                    Buffer body = Buffer.buffer();
                    response.handler(chunk -> {
                        int room = maxBodyBytes - body.length();
                        if (room > 0) {
                            body.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
                        }
                    });
                    return response.end().map(v -> new Response(response.statusCode(),
                            response.headers(), body));
                })
                .eventually(once::close);
    }

    /** One invocation's index, whether it has finished, and its results as they stand. */
    public record InvocationResults(int index, boolean finished, ClientResults results) {
    }

    /** The answer to a single request: status code and text, headers and body. */
    public record Response(int statusCode, MultiMap headers, Buffer body) {

        /** The status as goto reports it, such as {@code 200 OK}. */
        public String status() {
            return ClientResults.statusText(statusCode);
        }
    }
}
