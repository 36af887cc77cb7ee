package dev.goto4j.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.goto4j.http.ApiException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Results that peers report, kept after the peers are gone: one locker per label, inside it one
 * per instance address (so pods of one deployment never overwrite each other), inside that one
 * entry per key such as {@code client}, {@code client_1} or {@code job_job1_1}.
 */
final class Lockers {

    private final Map<String, Map<String, Map<String, Entry>>> byLabel = new ConcurrentHashMap<>();

    /**
     * Stores data under a key. A locked entry is kept as {@code <key>_last} and the new data
     * starts a fresh entry.
     */
    void store(String label, String address, String key, String data) {
        Map<String, Entry> locker = locker(label, address);
        synchronized (locker) {
            Entry existing = locker.get(key);
            String now = Timestamps.now();
            if (existing == null) {
                locker.put(key, new Entry(data, now, now, false));
            } else if (existing.locked) {
                locker.put(key + "_last", existing);
                locker.put(key, new Entry(data, now, now, false));
            } else {
                locker.put(key, new Entry(data, existing.firstReported, now, false));
            }
        }
    }

    void remove(String label, String address, String key) {
        Map<String, Entry> locker = existing(label, address);
        synchronized (locker) {
            if (locker.remove(key) == null) {
                throw ApiException.notFound("locker key", label + "/" + address + "/" + key);
            }
        }
    }

    void lock(String label, String address, String key) {
        Map<String, Entry> locker = existing(label, address);
        synchronized (locker) {
            Entry entry = locker.get(key);
            if (entry == null) {
                throw ApiException.notFound("locker key", label + "/" + address + "/" + key);
            }
            locker.put(key, new Entry(entry.data, entry.firstReported, entry.lastReported, true));
        }
    }

    void clearInstance(String label, String address) {
        Map<String, Map<String, Entry>> instances = byLabel.get(label);
        if (instances != null) {
            instances.remove(address);
        }
    }

    void clearLabel(String label) {
        byLabel.remove(label);
    }

    void clearAll() {
        byLabel.clear();
    }

    /** Snapshot of one instance's locker; empty when it reported nothing. */
    Map<String, Entry> instance(String label, String address) {
        Map<String, Map<String, Entry>> instances = byLabel.getOrDefault(label, Map.of());
        return copy(instances.getOrDefault(address, Map.of()));
    }

    /** Snapshot of every instance locker of a label. */
    Map<String, Map<String, Entry>> label(String label) {
        Map<String, Map<String, Entry>> view = new TreeMap<>();
        byLabel.getOrDefault(label, Map.of()).forEach((address, locker) ->
                view.put(address, copy(locker)));
        return view;
    }

    /** Snapshot of every locker. */
    Map<String, Map<String, Map<String, Entry>>> all() {
        Map<String, Map<String, Map<String, Entry>>> view = new TreeMap<>();
        byLabel.keySet().forEach(label -> view.put(label, label(label)));
        return view;
    }

    private Map<String, Entry> locker(String label, String address) {
        return byLabel.computeIfAbsent(label, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(address, a -> new TreeMap<>());
    }

    private Map<String, Entry> existing(String label, String address) {
        Map<String, Entry> locker = byLabel.getOrDefault(label, Map.of()).get(address);
        if (locker == null) {
            throw ApiException.notFound("locker", label + "/" + address);
        }
        return locker;
    }

    private static Map<String, Entry> copy(Map<String, Entry> locker) {
        synchronized (locker) {
            return new TreeMap<>(locker);
        }
    }

    /** One stored value with the times it was first and last reported. */
    record Entry(@JsonProperty("Data") String data,
                 @JsonProperty("FirstReported") String firstReported,
                 @JsonProperty("LastReported") String lastReported,
                 @JsonProperty("Locked") boolean locked) {
    }
}
