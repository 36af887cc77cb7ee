package dev.goto4j.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.goto4j.http.ApiException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The peers that joined this registry, by label and then by address. An address that registers
 * again starts a new epoch; earlier lives are kept, also across a deregistration, until a
 * cleanup or clear forgets them.
 */
final class PeerDirectory {

    /** Departed pods remembered per label for their epochs; the oldest are forgotten first. */
    static final int DEPARTED_CAP = 1000;
    /** Past epochs kept per pod; a pod restarting in a loop forgets its oldest lives. */
    static final int PAST_EPOCHS_CAP = 100;

    private final Map<String, Peer> peers = new ConcurrentHashMap<>();

    /**
     * Registers an instance. A start-up registration of a known address, or any registration of
     * an address that had left, starts a new epoch; a reminder of a present one only touches it.
     *
     * @return whether the address was registered already
     */
    boolean register(PeerInfo info, boolean startUp) {
        Peer peer = peers.computeIfAbsent(info.name(), Peer::new);
        synchronized (peer) {
            peer.namespace = info.namespace();
            Pod pod = peer.pods.get(info.address());
            if (pod != null) {
                if (startUp) {
                    pod.newEpoch(podName(info));
                } else {
                    pod.touch();
                }
                return true;
            }
            Pod departed = peer.departed.remove(info.address());
            if (departed != null) {
                departed.newEpoch(podName(info));
                peer.pods.put(info.address(), departed);
            } else {
                peer.pods.put(info.address(), new Pod(podName(info), info.address()));
            }
            return false;
        }
    }

    private static String podName(PeerInfo info) {
        return info.pod().isEmpty() ? info.name() : info.pod();
    }

    /** Deregisters an address; its epochs are kept in case it comes back. */
    void remove(String label, String address) {
        Peer peer = find(label);
        synchronized (peer) {
            Pod pod = peer.pods.remove(address);
            if (pod == null) {
                throw ApiException.notFound("peer address", label + "/" + address);
            }
            peer.departed.put(address, pod);
        }
    }

    /** Removes an address and its history, as a health cleanup does. */
    void forget(String label, String address) {
        Peer peer = peers.get(label);
        if (peer != null) {
            synchronized (peer) {
                peer.pods.remove(address);
                peer.departed.remove(address);
            }
        }
    }

    /** Forgets the history of every departed pod of a label. */
    void forgetDeparted(String label) {
        Peer peer = peers.get(label);
        if (peer != null) {
            synchronized (peer) {
                peer.departed.clear();
            }
        }
    }

    void clear() {
        peers.clear();
    }

    Peer find(String label) {
        Peer peer = peers.get(label);
        if (peer == null) {
            throw ApiException.notFound("peer", label);
        }
        return peer;
    }

    boolean has(String label) {
        return peers.containsKey(label);
    }

    /** The addresses registered under {@code label}; empty when none. */
    List<String> addresses(String label) {
        Peer peer = peers.get(label);
        if (peer == null) {
            return List.of();
        }
        synchronized (peer) {
            return new ArrayList<>(peer.pods.keySet());
        }
    }

    Collection<String> labels() {
        return new ArrayList<>(peers.keySet());
    }

    void markHealth(String label, String address, boolean healthy) {
        Peer peer = peers.get(label);
        if (peer != null) {
            synchronized (peer) {
                Pod pod = peer.pods.get(address);
                if (pod != null) {
                    pod.healthy = healthy;
                }
            }
        }
    }

    /** A snapshot of every peer, as {@code GET /registry/peers} shows it. */
    Map<String, PeerView> snapshot() {
        Map<String, PeerView> views = new TreeMap<>();
        for (Peer peer : peers.values()) {
            synchronized (peer) {
                Map<String, PodView> pods = new TreeMap<>();
                peer.pods.forEach((address, pod) -> pods.put(address, pod.view()));
                views.put(peer.name, new PeerView(peer.name, peer.namespace, pods));
            }
        }
        return views;
    }

    static final class Peer {
        private final String name;
        private String namespace = "local";
        private final Map<String, Pod> pods = new TreeMap<>();
        private final Map<String, Pod> departed = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Pod> eldest) {
                return size() > DEPARTED_CAP;
            }
        };

        private Peer(String name) {
            this.name = name;
        }
    }

    private static final class Pod {
        private String name;
        private final String address;
        private boolean healthy = true;
        private Epoch current = new Epoch(0, Timestamps.now());
        private final List<Epoch> past = new ArrayList<>();

        private Pod(String name, String address) {
            this.name = name;
            this.address = address;
        }

        private void newEpoch(String podName) {
            name = podName;
            healthy = true;
            past.add(current);
            if (past.size() > PAST_EPOCHS_CAP) {
                past.remove(0);
            }
            current = new Epoch(current.epoch() + 1, Timestamps.now());
        }

        private void touch() {
            healthy = true;
            current = new Epoch(current.epoch(), current.firstContact(), Timestamps.now());
        }

        private PodView view() {
            return new PodView(name, address, healthy, current, List.copyOf(past));
        }
    }

    /** One life of a pod: from its registration to its last reminder. */
    record Epoch(int epoch, String firstContact, String lastContact) {
        Epoch(int epoch, String now) {
            this(epoch, now, now);
        }
    }

    record PodView(String name, String address, boolean healthy, Epoch currentEpoch,
                   @JsonInclude(JsonInclude.Include.ALWAYS) List<Epoch> pastEpochs) {
    }

    record PeerView(String name, String namespace, Map<String, PodView> pods) {
    }
}
