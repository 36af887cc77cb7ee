package dev.goto4j.client;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The counts of every target since results were last cleared. Clearing swaps in a fresh map, so
 * a request finishing during a clear lands in either the old or the new counts, never half in
 * each.
 */
final class ResultStore {

    private final int maxValues;
    private volatile ConcurrentMap<String, TargetCounts> byTarget = new ConcurrentHashMap<>();

    /** @param maxValues distinct header values and error texts counted per target */
    ResultStore(int maxValues) {
        this.maxValues = maxValues;
    }

    /** Fresh counts for {@code target} with this store's cap, not kept in the store. */
    TargetCounts newCounts(String target) {
        return new TargetCounts(target, maxValues);
    }

    /** The counts of {@code target}, created on first use. */
    TargetCounts of(String target) {
        ConcurrentMap<String, TargetCounts> map = byTarget;
        TargetCounts counts = map.get(target);
        return counts != null ? counts : map.computeIfAbsent(target, this::newCounts);
    }

    void clear() {
        byTarget = new ConcurrentHashMap<>();
    }

    void clear(List<String> targets) {
        targets.forEach(byTarget::remove);
    }

    Collection<TargetCounts> all() {
        return byTarget.values();
    }

    ClientResults snapshot() {
        return ClientResults.of(List.copyOf(byTarget.values()));
    }
}
