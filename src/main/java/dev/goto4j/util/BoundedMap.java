package dev.goto4j.util;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A concurrent map from names seen in traffic (header values, paths) to their counters, holding
 * at most {@code maxKeys} of them. Past the cap, new names share the entry {@link #OVERFLOW}, so
 * a client sending endless distinct values grows nothing while every request is still counted.
 */
public final class BoundedMap<V> {

    /** The key under which names past the cap are counted. */
    public static final String OVERFLOW = "(other values)";

    private final int maxKeys;
    private final Supplier<V> create;
    private final ConcurrentHashMap<String, V> map = new ConcurrentHashMap<>();

    public BoundedMap(int maxKeys, Supplier<V> create) {
        this.maxKeys = maxKeys;
        this.create = create;
    }

    /** The entry of {@code key}, created on first use, or the overflow entry past the cap. */
    public V get(String key) {
        V existing = map.get(key);
        if (existing != null) {
            return existing;
        }
        // The size check races with other inserts, so the cap may be passed by a few entries;
        // it still bounds memory, which is its purpose.
        String slot = map.size() < maxKeys ? key : OVERFLOW;
        return map.computeIfAbsent(slot, k -> create.get());
    }

    /** The entry of {@code key} if there is one, without creating it. */
    public V peek(String key) {
        return map.get(key);
    }

    public boolean isEmpty() {
        return map.isEmpty();
    }

    public void forEach(BiConsumer<String, V> action) {
        map.forEach(action);
    }

    /** A sorted snapshot with each entry read through {@code read}. */
    public <T> Map<String, T> snapshot(Function<V, T> read) {
        Map<String, T> view = new TreeMap<>();
        map.forEach((key, value) -> view.put(key, read.apply(value)));
        return view;
    }
}
