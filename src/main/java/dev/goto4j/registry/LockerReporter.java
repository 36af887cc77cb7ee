package dev.goto4j.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports this instance's results to its locker at the registry: the client summary under
 * {@code client}, each invocation's results under {@code client_<index>} and each job run under
 * {@code job_<id>_<run>}. Once a round (about a second apart) it reads them through the
 * instance's own API and sends only what changed, so traffic is never slowed and no key is
 * sent more than once a round. When an invocation or job run is complete its final data is
 * sent once more and locked (the summary is locked when no invocation is running). What the
 * registry did not accept is sent again on the next round.
 *
 * <p>Every round runs on the event loop that started the reporter, one at a time, so the record
 * of what was sent needs no locking.
 */
final class LockerReporter {

    private static final Logger log = LoggerFactory.getLogger(LockerReporter.class);

    private final PeerAgent agent;
    private final Context context;
    /** What the registry holds for each key, as far as this instance knows. */
    private final Map<String, Sent> sent = new HashMap<>();
    private Future<Void> round = Future.succeededFuture();
    private long timer = -1;

    LockerReporter(PeerAgent agent, Context context) {
        this.agent = agent;
        this.context = context;
    }

    void start() {
        context.runOnContext(v -> timer = agent.vertx().setPeriodic(PeerAgent.REPORT_MILLIS,
                t -> {
                    if (round.isComplete()) {
                        round = report();
                    }
                }));
    }

    /** Forgets what was sent, so the next round sends everything again (a registry restarted). */
    void resendAll() {
        context.runOnContext(v -> sent.clear());
    }

    /** Stops the rounds and sends one last report once the round in flight is done. */
    Future<Void> stop() {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            agent.vertx().cancelTimer(timer);
            round.transform(ar -> report()).onComplete(done);
        });
        return done.future();
    }

    /** One round: reads client, invocation and job results and sends what changed. */
    Future<Void> report() {
        Future<JsonNode> summary = read("/client/results");
        Future<JsonNode> invocations = read("/client/results/invocations");
        Future<JsonNode> jobs = read("/jobs/results");
        return Future.join(summary, invocations, jobs).transform(ar -> {
            Map<String, Report> reports = new LinkedHashMap<>();
            if (invocations.succeeded()) {
                addInvocations(reports, summary.result(), invocations.result());
            }
            if (jobs.succeeded()) {
                addJobs(reports, jobs.result());
            }
            if (invocations.succeeded() && jobs.succeeded()) {
                sent.keySet().retainAll(reports.keySet());
            }
            List<Future<Void>> sends = new ArrayList<>();
            reports.forEach((key, report) -> sends.add(send(key, report)));
            return Future.join(sends).<Void>mapEmpty();
        }).otherwiseEmpty();
    }

    private static void addInvocations(Map<String, Report> reports, JsonNode summary,
                                       JsonNode invocations) {
        boolean allFinished = true;
        for (var it = invocations.fields(); it.hasNext(); ) {
            var invocation = it.next();
            boolean finished = invocation.getValue().path("finished").asBoolean(false);
            allFinished &= finished;
            reports.put("client_" + invocation.getKey(),
                    new Report(invocation.getValue().path("results").toString(), finished));
        }
        if (summary != null && !invocations.isEmpty()) {
            reports.put("client", new Report(summary.toString(), allFinished));
        }
    }

    private static void addJobs(Map<String, Report> reports, JsonNode byJob) {
        byJob.fields().forEachRemaining(job -> job.getValue().fields().forEachRemaining(run -> {
            boolean complete = false;
            for (JsonNode result : run.getValue()) {
                complete |= result.path("finished").asBoolean(false)
                        || result.path("stopped").asBoolean(false);
            }
            reports.put("job_" + job.getKey() + "_" + run.getKey(),
                    new Report(run.getValue().toString(), complete));
        }));
    }

    /** Stores the data if it changed, then locks it if it is final and not locked yet. */
    private Future<Void> send(String key, Report report) {
        Sent known = sent.get(key);
        boolean stored = known != null && known.data.equals(report.data);
        if (stored && (known.locked || !report.complete)) {
            return Future.succeededFuture();
        }
        Future<Boolean> store = stored ? Future.succeededFuture(true)
                : call(agent.lockerPath("store", key), report.data, key).onSuccess(ok -> {
                    if (ok) {
                        sent.put(key, new Sent(report.data, false));
                    }
                });
        if (!report.complete) {
            return store.mapEmpty();
        }
        return store.compose(ok -> ok ? call(agent.lockerPath("lock", key), null, key)
                        : Future.succeededFuture(false))
                .onSuccess(ok -> {
                    if (ok) {
                        sent.put(key, new Sent(report.data, true));
                    }
                }).mapEmpty();
    }

    private Future<Boolean> call(String path, String body, String key) {
        return agent.toRegistry(HttpMethod.POST, path, body)
                .map(reply -> {
                    if (reply.status() != 200) {
                        log.warn("Registry refused locker call for {}: HTTP {} {}", key,
                                reply.status(), reply.body().trim());
                    }
                    return reply.status() == 200;
                })
                .onFailure(e -> log.debug("Locker report {} not sent, will retry: {}", key,
                        e.getMessage()))
                .otherwise(false);
    }

    private Future<JsonNode> read(String path) {
        return agent.local(HttpMethod.GET, path, null).compose(reply -> reply.status() == 200
                ? Future.succeededFuture(reply.json())
                : Future.failedFuture("HTTP " + reply.status() + " from " + path));
    }

    /** Results ready to report, and whether they are final. */
    private record Report(String data, boolean complete) {
    }

    /** What was accepted for a key, and whether it was locked. */
    private record Sent(String data, boolean locked) {
    }
}
