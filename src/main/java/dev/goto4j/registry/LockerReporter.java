package dev.goto4j.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports this instance's results to its locker at the registry: the client summary under
 * {@code client}, each invocation under {@code client_<index>} and each job run under
 * {@code job_<id>_<run>}. It reads them through the instance's own API about once a second and
 * sends only what changed, so traffic is never slowed; a report the registry missed is simply
 * sent again on the next round.
 */
final class LockerReporter {

    private static final Logger log = LoggerFactory.getLogger(LockerReporter.class);

    private final PeerAgent agent;
    private final Map<String, String> lastSent = new ConcurrentHashMap<>();
    private long timer = -1;
    private boolean running;

    LockerReporter(PeerAgent agent) {
        this.agent = agent;
    }

    void start() {
        timer = agent.vertx().setPeriodic(PeerAgent.REPORT_MILLIS, t -> {
            if (!running) {
                running = true;
                report().onComplete(ar -> running = false);
            }
        });
    }

    /** Stops the rounds and sends one last report. */
    Future<Void> stop() {
        agent.vertx().cancelTimer(timer);
        return report();
    }

    /** One round: reads client and job results and stores what changed. */
    Future<Void> report() {
        Future<Void> client = agent.local(HttpMethod.GET, "/client/results", null)
                .compose(reply -> reply.status() == 200 ? store("client", reply.body())
                        : Future.succeededFuture());
        Future<Void> invocations = agent.local(HttpMethod.GET, "/client/results/invocations", null)
                .compose(reply -> reply.status() == 200
                        ? storeEach(reply.json(), "client_") : Future.succeededFuture());
        Future<Void> jobs = agent.local(HttpMethod.GET, "/jobs/results", null)
                .compose(reply -> reply.status() == 200 ? storeJobs(reply.json())
                        : Future.succeededFuture());
        return Future.join(client, invocations, jobs).<Void>mapEmpty().otherwiseEmpty();
    }

    private Future<Void> storeEach(JsonNode byIndex, String prefix) {
        List<Future<Void>> stores = new ArrayList<>();
        byIndex.fields().forEachRemaining(e ->
                stores.add(store(prefix + e.getKey(), e.getValue().toString())));
        return Future.join(stores).mapEmpty();
    }

    private Future<Void> storeJobs(JsonNode byJob) {
        List<Future<Void>> stores = new ArrayList<>();
        byJob.fields().forEachRemaining(job -> job.getValue().fields().forEachRemaining(run ->
                stores.add(store("job_" + job.getKey() + "_" + run.getKey(),
                        run.getValue().toString()))));
        return Future.join(stores).mapEmpty();
    }

    private Future<Void> store(String key, String data) {
        if (data.equals(lastSent.get(key))) {
            return Future.succeededFuture();
        }
        return agent.toRegistry(HttpMethod.POST, agent.lockerPath(key), data)
                .onSuccess(reply -> {
                    if (reply.status() == 200) {
                        lastSent.put(key, data);
                    } else {
                        log.warn("Registry refused locker data {}: HTTP {}", key, reply.status());
                    }
                })
                .onFailure(e -> log.debug("Locker report {} not sent, will retry: {}", key,
                        e.getMessage()))
                .<Void>mapEmpty().otherwiseEmpty();
    }
}
