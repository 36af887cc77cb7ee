package dev.goto4j.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goto4j.http.ApiException;
import dev.goto4j.http.CommaList;
import dev.goto4j.http.Json;
import dev.goto4j.http.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry side of goto: peers that join by label, the targets and jobs kept for each label
 * and pushed to its instances, and the lockers that keep what instances report.
 */
public final class Registry {

    private static final Logger log = LoggerFactory.getLogger(Registry.class);

    final PeerDirectory directory = new PeerDirectory();
    final PeerConfigs targets = new PeerConfigs("target", "name");
    final PeerConfigs jobs = new PeerConfigs("job", "id");
    final Lockers lockers = new Lockers();
    private final PeerCalls calls;
    private volatile String trackedHeaders = "";

    public Registry(Vertx vertx) {
        this.calls = new PeerCalls(vertx, directory);
    }

    /** Registers an instance and answers what it should run: targets, jobs, tracked headers. */
    Map<String, Object> register(PeerInfo peer) {
        directory.register(peer, true);
        log.info("Peer {} joined from {} (pod {}, namespace {})", peer.name(), peer.address(),
                peer.pod(), peer.namespace());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("targets", targets.of(peer.name()));
        config.put("jobs", jobs.of(peer.name()));
        config.put("trackingHeaders", trackedHeaders);
        return config;
    }

    void remember(String label, PeerInfo peer) {
        if (!label.equals(peer.name())) {
            throw ApiException.invalid("peer name does not match the path",
                    Problem.of("name", peer.name(), label));
        }
        directory.register(peer, false);
    }

    void deregister(String label, String address) {
        directory.remove(label, address);
        log.info("Peer {} at {} left", label, address);
    }

    /** Validates a target or job body: a JSON object naming itself. */
    static ObjectNode item(Buffer body, PeerConfigs configs, String what, String idField) {
        JsonNode node = Json.read(body, JsonNode.class, what);
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.invalid("invalid " + what + ": not a JSON object",
                    Problem.of("body", node.getNodeType(), "a JSON object"));
        }
        if (configs.idOf(object).isBlank()) {
            throw ApiException.invalid("invalid " + what + ": no " + idField,
                    Problem.of(idField, null, "a non-empty " + idField));
        }
        return object;
    }

    Future<PeerCalls.Outcome> addTarget(String label, ObjectNode target) {
        targets.put(label, target);
        return calls.toLabel(label, HttpMethod.POST, "/client/targets/add", Json.write(target));
    }

    Future<PeerCalls.Outcome> removeTargets(String label, List<String> names) {
        targets.remove(label, names);
        return calls.toLabel(label, HttpMethod.POST,
                "/client/targets/" + String.join(",", names) + "/remove", null);
    }

    Future<PeerCalls.Outcome> clearTargets(String label) {
        targets.clear(label);
        return calls.toLabel(label, HttpMethod.POST, "/client/targets/clear", null);
    }

    Future<PeerCalls.Outcome> addJob(String label, ObjectNode job) {
        jobs.put(label, job);
        return calls.toLabel(label, HttpMethod.POST, "/jobs/add", Json.write(job));
    }

    Future<PeerCalls.Outcome> removeJobs(String label, List<String> ids) {
        jobs.remove(label, ids);
        return calls.toLabel(label, HttpMethod.POST,
                "/jobs/" + String.join(",", ids) + "/remove", null);
    }

    Future<PeerCalls.Outcome> clearJobs(String label) {
        jobs.clear(label);
        return calls.toLabel(label, HttpMethod.POST, "/jobs/clear", null);
    }

    /** Sends a command path to every instance of one label. */
    Future<PeerCalls.Outcome> command(String label, String path) {
        if (!directory.has(label)) {
            throw ApiException.notFound("peer", label);
        }
        return calls.toLabel(label, HttpMethod.POST, path, null);
    }

    /** Sends a command path to every instance of every label. */
    Future<List<PeerCalls.Outcome>> commandAll(String path) {
        List<Future<PeerCalls.Outcome>> all = new ArrayList<>();
        for (String label : directory.labels()) {
            all.add(calls.toLabel(label, HttpMethod.POST, path, null));
        }
        return Future.all(all).map(f -> f.list());
    }

    Future<List<PeerCalls.Outcome>> trackHeaders(String headers) {
        CommaList.required("headers", headers);
        trackedHeaders = headers;
        return commandAll("/client/track/headers/add/" + headers);
    }

    void clearAllTargets() {
        targets.clearAll();
    }

    void clearAllJobs() {
        jobs.clearAll();
    }

    /** Checks every instance of the given labels: address to healthy, by label. */
    Future<Map<String, Map<String, Boolean>>> health(List<String> labels) {
        List<Future<PeerCalls.Outcome>> checks = new ArrayList<>();
        for (String label : labels) {
            checks.add(calls.toLabel(label, HttpMethod.GET, "/label", null));
        }
        return Future.all(checks).map(f -> {
            Map<String, Map<String, Boolean>> health = new TreeMap<>();
            for (Future<PeerCalls.Outcome> check : checks) {
                Map<String, Boolean> byAddress = new TreeMap<>();
                check.result().statuses().forEach((address, status) ->
                        byAddress.put(address, status == 200));
                health.put(check.result().label(), byAddress);
            }
            return health;
        });
    }

    Future<Boolean> health(String label, String address) {
        if (!directory.addresses(label).contains(address)) {
            throw ApiException.notFound("peer address", label + "/" + address);
        }
        return calls.call(label, address, HttpMethod.GET, "/label", null)
                .map(status -> status == 200).otherwise(false);
    }

    /** Removes the instances that do not answer; answers them by label. */
    Future<Map<String, List<String>>> cleanup(List<String> labels) {
        return health(labels).map(health -> {
            Map<String, List<String>> removed = new TreeMap<>();
            health.forEach((label, byAddress) -> byAddress.forEach((address, healthy) -> {
                if (!healthy) {
                    directory.remove(label, address);
                    removed.computeIfAbsent(label, l -> new ArrayList<>()).add(address);
                }
            }));
            return removed;
        });
    }

    List<String> labels() {
        return new ArrayList<>(directory.labels());
    }
}
