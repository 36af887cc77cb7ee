package dev.goto4j.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goto4j.http.ApiException;
import dev.goto4j.http.CommaList;
import dev.goto4j.http.Json;
import dev.goto4j.http.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    final PeerConfigs targets = new PeerConfigs("target", "name", "/client/targets");
    final PeerConfigs jobs = new PeerConfigs("job", "id", "/jobs");
    final Lockers lockers;
    private final PeerCalls calls;
    /** Header names in lower case, as peers report them, in the order they were added. */
    private final Set<String> trackedHeaders = new LinkedHashSet<>();

    public Registry(Vertx vertx) {
        this(vertx, new Lockers());
    }

    Registry(Vertx vertx, Lockers lockers) {
        this.calls = new PeerCalls(vertx, directory);
        this.lockers = lockers;
    }

    /** Registers an instance and answers what it should run: targets, jobs, tracked headers. */
    Map<String, Object> register(PeerInfo peer) {
        directory.register(peer, true);
        log.info("Peer {} joined from {} (pod {}, namespace {})", peer.name(), peer.address(),
                peer.pod(), peer.namespace());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("targets", targets.of(peer.name()));
        config.put("jobs", jobs.of(peer.name()));
        config.put("trackingHeaders", trackedHeaders());
        return config;
    }

    /**
     * Takes a reminder: a registry that restarted learns the instance again, and nothing is
     * answered to run. Returns whether the instance was known already.
     */
    boolean remember(String label, PeerInfo peer) {
        if (!label.equals(peer.name())) {
            throw ApiException.invalid("peer name does not match the path",
                    Problem.of("name", peer.name(), label));
        }
        boolean known = directory.register(peer, false);
        if (!known) {
            log.info("Peer {} at {} registered again by its reminder", peer.name(),
                    peer.address());
        }
        return known;
    }

    void deregister(String label, String address) {
        directory.remove(label, address);
        log.info("Peer {} at {} left", label, address);
    }

    /**
     * Refuses a label the registry has never heard of: no instance registered, no target, job
     * or locker kept for it.
     */
    void requireKnown(String label) {
        if (!directory.has(label) && !targets.has(label) && !jobs.has(label)
                && !lockers.has(label)) {
            throw ApiException.notFound("peer", label);
        }
    }

    /** Refuses an instance that is neither registered nor has a locker. */
    void requireKnown(String label, String address) {
        requireKnown(label);
        if (!directory.addresses(label).contains(address) && !lockers.has(label, address)) {
            throw ApiException.notFound("peer address", label + "/" + address);
        }
    }

    /** Refuses a label without registered instances, for commands that go to them. */
    void requireRegistered(String label) {
        directory.find(label);
    }

    /** Keeps a target for a label, replacing one of the same name, and adds it to its peers. */
    Future<PeerCalls.Outcome> addTarget(String label, ObjectNode target) {
        targets.put(label, target);
        return calls.toLabel(label, HttpMethod.POST, targets.peerPath("add"),
                Json.write(target));
    }

    /** Keeps a job for a label, 409 if its id is taken, and adds it to its peers. */
    Future<PeerCalls.Outcome> addJob(String label, ObjectNode job) {
        jobs.putNew(label, job);
        return calls.toLabel(label, HttpMethod.POST, jobs.peerPath("add"), Json.write(job));
    }

    /** Removes named targets or jobs of a label, here and on its peers. */
    Future<PeerCalls.Outcome> remove(PeerConfigs items, String label, List<String> ids) {
        items.remove(label, ids);
        return calls.toLabel(label, HttpMethod.POST,
                items.peerPath(String.join(",", ids) + "/remove"), null);
    }

    /** Clears the targets or jobs of a label, here and on its peers. */
    Future<PeerCalls.Outcome> clear(PeerConfigs items, String label) {
        requireKnown(label);
        items.clear(label);
        return calls.toLabel(label, HttpMethod.POST, items.peerPath("clear"), null);
    }

    /** Clears the targets or jobs of every label, here and on every peer. */
    Future<List<PeerCalls.Outcome>> clearAll(PeerConfigs items) {
        items.clearAll();
        return commandAll(items.peerPath("clear"));
    }

    /** Sends a command path to every instance of one label. */
    Future<PeerCalls.Outcome> command(String label, String path) {
        requireRegistered(label);
        return calls.toLabel(label, HttpMethod.POST, path, null);
    }

    /** Sends a command about named targets or jobs, all known at the registry, to one label. */
    Future<PeerCalls.Outcome> command(String label, PeerConfigs items, List<String> ids,
                                      String pathFormat) {
        requireRegistered(label);
        items.requireAll(label, ids);
        return calls.toLabel(label, HttpMethod.POST,
                String.format(pathFormat, String.join(",", ids)), null);
    }

    /** Sends a command path to every instance of every label. */
    Future<List<PeerCalls.Outcome>> commandAll(String path) {
        List<Future<PeerCalls.Outcome>> all = new ArrayList<>();
        for (String label : directory.labels()) {
            all.add(calls.toLabel(label, HttpMethod.POST, path, null));
        }
        return Future.all(all).map(f -> f.list());
    }

    /**
     * Adds headers that every peer tracks: pushed now to the peers, which add them to what they
     * track, and answered to peers that join later together with those added before.
     */
    Future<List<PeerCalls.Outcome>> trackHeaders(String headers) {
        List<String> names = CommaList.required("headers", headers);
        synchronized (trackedHeaders) {
            names.forEach(name -> trackedHeaders.add(name.toLowerCase(Locale.ROOT)));
        }
        return commandAll("/client/track/headers/add/" + String.join(",", names));
    }

    /** Stops every peer tracking any header; peers that join later track none. */
    Future<List<PeerCalls.Outcome>> clearTrackedHeaders() {
        synchronized (trackedHeaders) {
            trackedHeaders.clear();
        }
        return commandAll("/client/track/headers/clear");
    }

    private String trackedHeaders() {
        synchronized (trackedHeaders) {
            return String.join(",", trackedHeaders);
        }
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

    /**
     * Removes the instances that do not answer, with their history, and forgets the history of
     * departed ones; answers the removed addresses by label.
     */
    Future<Map<String, List<String>>> cleanup(List<String> labels) {
        labels.forEach(directory::forgetDeparted);
        return health(labels).map(health -> {
            Map<String, List<String>> removed = new TreeMap<>();
            health.forEach((label, byAddress) -> byAddress.forEach((address, healthy) -> {
                if (!healthy) {
                    directory.forget(label, address);
                    removed.computeIfAbsent(label, l -> new ArrayList<>()).add(address);
                    log.info("Peer {} at {} removed: it did not answer a health check", label,
                            address);
                }
            }));
            return removed;
        });
    }

    List<String> labels() {
        return new ArrayList<>(directory.labels());
    }
}
