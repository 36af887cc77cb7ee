package dev.goto4j.registry;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.goto4j.http.ApiException;
import dev.goto4j.http.Problem;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Results that peers report, kept after the peers are gone: one locker per label, inside it one
 * per instance address (so pods of one deployment never overwrite each other), inside that one
 * entry per key such as {@code client}, {@code client_1} or {@code job_job1_1}.
 *
 * <p>Lockers change a few times a second per peer, so one lock guards them all; reads copy.
 *
 * <p>Memory is bounded by the total size of the stored data ({@link #DEFAULT_CAP_CHARS} by
 * default): a store that would pass it is refused with 413 and nothing is replaced, so the
 * lockers must be cleared before more can be kept.
 */
final class Lockers {

    /** Characters of data kept across all lockers, far above what a test run reports. */
    static final long DEFAULT_CAP_CHARS = 64L * 1024 * 1024;

    private final Map<String, Map<String, Map<String, Entry>>> byLabel = new TreeMap<>();
    private long storedChars;
    private final long capChars;

    Lockers() {
        this(DEFAULT_CAP_CHARS);
    }

    Lockers(long capChars) {
        this.capChars = capChars;
    }

    /**
     * Stores data under a key. A locked entry is kept as {@code <key>_last} and the new data
     * starts a fresh entry.
     */
    synchronized void store(String label, String address, String key, String data) {
        Map<String, Entry> current = byLabel.getOrDefault(label, Map.of())
                .getOrDefault(address, Map.of());
        Entry existing = current.get(key);
        boolean keepLast = existing != null && existing.locked;
        long freed = existing == null ? 0
                : keepLast ? size(current.get(key + "_last")) : size(existing);
        reserve(data.length() - freed, label, address, key);
        Map<String, Entry> locker = locker(label, address);
        String now = Timestamps.now();
        if (existing == null) {
            locker.put(key, new Entry(data, now, now, false));
        } else if (keepLast) {
            locker.put(key + "_last", existing);
            locker.put(key, new Entry(data, now, now, false));
        } else {
            locker.put(key, new Entry(data, existing.firstReported, now, false));
        }
    }

    synchronized void remove(String label, String address, String key) {
        Map<String, Entry> locker = existing(label, address);
        Entry removed = locker.remove(key);
        if (removed == null) {
            throw ApiException.notFound("locker key", label + "/" + address + "/" + key);
        }
        storedChars -= size(removed);
    }

    synchronized void lock(String label, String address, String key) {
        Map<String, Entry> locker = existing(label, address);
        Entry entry = locker.get(key);
        if (entry == null) {
            throw ApiException.notFound("locker key", label + "/" + address + "/" + key);
        }
        locker.put(key, new Entry(entry.data, entry.firstReported, entry.lastReported, true));
    }

    synchronized boolean has(String label) {
        return byLabel.containsKey(label);
    }

    synchronized boolean has(String label, String address) {
        return byLabel.getOrDefault(label, Map.of()).containsKey(address);
    }

    synchronized void clearInstance(String label, String address) {
        Map<String, Map<String, Entry>> instances = byLabel.get(label);
        if (instances != null) {
            release(instances.remove(address));
        }
    }

    synchronized void clearLabel(String label) {
        Map<String, Map<String, Entry>> instances = byLabel.remove(label);
        if (instances != null) {
            instances.values().forEach(this::release);
        }
    }

    synchronized void clearAll() {
        byLabel.clear();
        storedChars = 0;
    }

    /** Snapshot of one instance's locker; empty when it reported nothing. */
    synchronized Map<String, Entry> instance(String label, String address) {
        Map<String, Map<String, Entry>> instances = byLabel.getOrDefault(label, Map.of());
        return copy(instances.getOrDefault(address, Map.of()));
    }

    /** Snapshot of every instance locker of a label. */
    synchronized Map<String, Map<String, Entry>> label(String label) {
        Map<String, Map<String, Entry>> view = new TreeMap<>();
        byLabel.getOrDefault(label, Map.of()).forEach((address, locker) ->
                view.put(address, copy(locker)));
        return view;
    }

    /** Snapshot of every locker. */
    synchronized Map<String, Map<String, Map<String, Entry>>> all() {
        Map<String, Map<String, Map<String, Entry>>> view = new TreeMap<>();
        byLabel.keySet().forEach(label -> view.put(label, label(label)));
        return view;
    }

    private void reserve(long chars, String label, String address, String key) {
        if (chars > 0 && storedChars + chars > capChars) {
            throw new ApiException(413, "lockers are full: " + label + "/" + address + "/" + key
                    + " not stored", List.of(Problem.of("body", chars + " characters",
                    "at most " + capChars + " characters across all lockers; clear some first")));
        }
        storedChars += chars;
    }

    private void release(Map<String, Entry> locker) {
        if (locker != null) {
            locker.values().forEach(entry -> storedChars -= size(entry));
        }
    }

    private Map<String, Entry> locker(String label, String address) {
        return byLabel.computeIfAbsent(label, l -> new TreeMap<>())
                .computeIfAbsent(address, a -> new TreeMap<>());
    }

    private Map<String, Entry> existing(String label, String address) {
        Map<String, Entry> locker = byLabel.getOrDefault(label, Map.of()).get(address);
        if (locker == null) {
            throw ApiException.notFound("locker", label + "/" + address);
        }
        return locker;
    }

    private static long size(Entry entry) {
        return entry == null ? 0 : entry.data.length();
    }

    private static Map<String, Entry> copy(Map<String, Entry> locker) {
        return new TreeMap<>(locker);
    }

    /** One stored value with the times it was first and last reported. */
    record Entry(@JsonProperty("Data") String data,
                 @JsonProperty("FirstReported") String firstReported,
                 @JsonProperty("LastReported") String lastReported,
                 @JsonProperty("Locked") boolean locked) {
    }
}
