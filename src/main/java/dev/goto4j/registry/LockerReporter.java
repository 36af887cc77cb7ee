package dev.goto4j.registry;

import dev.goto4j.client.Client;
import dev.goto4j.client.ClientResults;
import dev.goto4j.http.Json;
import dev.goto4j.job.JobResult;
import dev.goto4j.job.Jobs;
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
 * {@code job_<id>_<run>}. Once a round (about a second apart) it reads them from the client and
 * the jobs and sends only what changed, so traffic is never slowed and no key is sent more than
 * once a round. When an invocation or job run is complete its final data is sent once more and
 * locked (the summary is locked when no invocation is running); from then on it is skipped
 * without being written again, as long as it is the same finished result. What the registry
 * did not accept is sent again on the next round.
 *
 * <p>Every round runs on the event loop that started the reporter, one at a time, so the record
 * of what was sent needs no locking. The reads take no lock that traffic holds for long.
 */
final class LockerReporter {

    private static final Logger log = LoggerFactory.getLogger(LockerReporter.class);

    private final PeerAgent agent;
    private final Context context;
    private final Client client;
    private final Jobs jobs;
    /** What the registry holds for each key, as far as this instance knows. */
    private final Map<String, Sent> sent = new HashMap<>();
    private Future<Void> round = Future.succeededFuture();
    private long timer = -1;

    LockerReporter(PeerAgent agent, Context context, Client client, Jobs jobs) {
        this.agent = agent;
        this.context = context;
        this.client = client;
        this.jobs = jobs;
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
        Map<String, Report> reports = new LinkedHashMap<>();
        addInvocations(reports, client.invocationResults(), client.results());
        addJobs(reports, jobs.allResults());
        sent.keySet().retainAll(reports.keySet());
        List<Future<Void>> sends = new ArrayList<>();
        reports.forEach((key, report) -> sends.add(send(key, report)));
        return Future.join(sends).<Void>mapEmpty().otherwiseEmpty();
    }

    private static void addInvocations(Map<String, Report> reports,
                                       List<Client.InvocationResults> invocations,
                                       ClientResults summary) {
        boolean allFinished = true;
        for (Client.InvocationResults invocation : invocations) {
            allFinished &= invocation.finished();
            reports.put("client_" + invocation.index(),
                    new Report(invocation.results(), invocation.finished()));
        }
        if (!invocations.isEmpty()) {
            reports.put("client", new Report(summary, allFinished));
        }
    }

    private static void addJobs(Map<String, Report> reports,
                                Map<String, Map<String, List<JobResult>>> byJob) {
        byJob.forEach((job, runs) -> runs.forEach((run, results) -> {
            boolean complete = results.stream().anyMatch(r -> r.finished() || r.stopped());
            reports.put("job_" + job + "_" + run, new Report(results, complete));
        }));
    }

    /**
     * Stores the data if it changed, then locks it if it is final and not locked yet. Final
     * results that were locked are the same object on later rounds: those are not even
     * written as JSON again.
     */
    private Future<Void> send(String key, Report report) {
        Sent known = sent.get(key);
        if (known != null && known.locked && known.results == report.results) {
            return Future.succeededFuture();
        }
        String data = Json.write(report.results);
        boolean stored = known != null && known.data.equals(data);
        if (stored && (known.locked || !report.complete)) {
            return Future.succeededFuture();
        }
        Future<Boolean> store = stored ? Future.succeededFuture(true)
                : call(agent.lockerPath("store", key), data, key).onSuccess(ok -> {
                    if (ok) {
                        sent.put(key, new Sent(report.results, data, false));
                    }
                });
        if (!report.complete) {
            return store.mapEmpty();
        }
        return store.compose(ok -> ok ? call(agent.lockerPath("lock", key), null, key)
                        : Future.succeededFuture(false))
                .onSuccess(ok -> {
                    if (ok) {
                        sent.put(key, new Sent(report.results, data, true));
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

    /** Results ready to report, and whether they are final. */
    private record Report(Object results, boolean complete) {
    }

    /** What was accepted for a key: the results, their JSON, and whether it was locked. */
    private record Sent(Object results, String data, boolean locked) {
    }
}
