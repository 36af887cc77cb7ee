package dev.goto4j.proxy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.goto4j.util.BoundedMap;
import dev.goto4j.util.CountsByStatus;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The lock-free counts of what the proxy of one listener matched and forwarded: requests per
 * target, per URI, per header and header value, per query parameter and value (each also by
 * target), and the status of every upstream call per target (0 when no response came back).
 *
 * <p>Memory is bounded: URIs, header values and query values come from traffic, so each count
 * keeps at most the listener's cap of distinct ones; past that, counting goes on under
 * {@link BoundedMap#OVERFLOW}. Target, header and parameter names come from configuration.
 */
final class ProxyCounts {

    private final int maxKeys;
    private final ConcurrentHashMap<String, LongAdder> byTarget = new ConcurrentHashMap<>();
    private final Criterion headers;
    private final Criterion queries;
    private final BoundedMap<LongAdder> byUri;
    private final BoundedMap<ConcurrentHashMap<String, LongAdder>> byUriTarget;
    private final CountsByStatus byTargetStatus = new CountsByStatus();

    ProxyCounts(int maxKeys) {
        this.maxKeys = maxKeys;
        this.headers = new Criterion(maxKeys);
        this.queries = new Criterion(maxKeys);
        this.byUri = new BoundedMap<>(maxKeys, LongAdder::new);
        this.byUriTarget = new BoundedMap<>(maxKeys, ConcurrentHashMap::new);
    }

    /** A fresh, empty set of counts with the same cap. */
    ProxyCounts cleared() {
        return new ProxyCounts(maxKeys);
    }

    /** Counts one request matched by {@code target}, under each criterion that matched. */
    void matched(String target, String uri, Match match) {
        adder(byTarget, target).increment();
        if (match.byUri) {
            byUri.get(uri).increment();
            adder(byUriTarget.get(uri), target).increment();
        }
        count(headers, target, match.headers());
        count(queries, target, match.queries());
    }

    private static void count(Criterion criterion, String target, List<String> namesAndValues) {
        for (int i = 0; i + 1 < namesAndValues.size(); i += 2) {
            criterion.count(target, namesAndValues.get(i), namesAndValues.get(i + 1));
        }
    }

    /** Counts one upstream call of {@code target} that answered {@code status}, or 0 for none. */
    void upstreamStatus(String target, int status) {
        byTargetStatus.count(target, status);
    }

    /** The counts as {@code GET /request/proxy/counts} shows them; every map present. */
    View snapshot() {
        return new View(sums(byTarget), sums(headers.byName), headers.byValueSums(),
                nestedSums(headers.byNameTarget), headers.byValueTargetSums(),
                byUri.snapshot(LongAdder::sum), byUriTarget.snapshot(ProxyCounts::sums),
                sums(queries.byName), queries.byValueSums(), nestedSums(queries.byNameTarget),
                queries.byValueTargetSums(), byTargetStatus.snapshot());
    }

    private static Map<String, Long> sums(Map<String, LongAdder> adders) {
        Map<String, Long> sums = new TreeMap<>();
        adders.forEach((key, adder) -> sums.put(key, adder.sum()));
        return sums;
    }

    private static Map<String, Map<String, Long>> nestedSums(
            Map<String, ConcurrentHashMap<String, LongAdder>> nested) {
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        nested.forEach((key, adders) -> sums.put(key, sums(adders)));
        return sums;
    }

    private static <V> V entry(ConcurrentHashMap<String, V> map, String key, Supplier<V> create) {
        V existing = map.get(key);
        return existing != null ? existing : map.computeIfAbsent(key, k -> create.get());
    }

    private static LongAdder adder(ConcurrentHashMap<String, LongAdder> map, String key) {
        return entry(map, key, LongAdder::new);
    }

    /** The counts of one kind of criterion (headers or query parameters), by configured name. */
    private static final class Criterion {
        final int maxKeys;
        final ConcurrentHashMap<String, LongAdder> byName = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, BoundedMap<LongAdder>> byValue =
                new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, ConcurrentHashMap<String, LongAdder>> byNameTarget =
                new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, BoundedMap<ConcurrentHashMap<String, LongAdder>>>
                byValueTarget = new ConcurrentHashMap<>();

        Criterion(int maxKeys) {
            this.maxKeys = maxKeys;
        }

        void count(String target, String name, String value) {
            adder(byName, name).increment();
            entry(byValue, name, () -> new BoundedMap<>(maxKeys, LongAdder::new))
                    .get(value).increment();
            adder(entry(byNameTarget, name, ConcurrentHashMap::new), target).increment();
            adder(entry(byValueTarget, name, () -> new BoundedMap<>(maxKeys,
                    ConcurrentHashMap::new)).get(value), target).increment();
        }

        Map<String, Map<String, Long>> byValueSums() {
            Map<String, Map<String, Long>> sums = new TreeMap<>();
            byValue.forEach((name, values) -> sums.put(name, values.snapshot(LongAdder::sum)));
            return sums;
        }

        Map<String, Map<String, Map<String, Long>>> byValueTargetSums() {
            Map<String, Map<String, Map<String, Long>>> sums = new TreeMap<>();
            byValueTarget.forEach((name, values) ->
                    sums.put(name, values.snapshot(ProxyCounts::sums)));
            return sums;
        }
    }

    /** JSON form of the counts, with the field names goto has always used. */
    @JsonPropertyOrder({"countsByTargets", "countsByHeaders", "countsByHeaderValues",
            "countsByHeaderTargets", "countsByHeaderValueTargets", "countsByUris",
            "countsByUriTargets", "countsByQuery", "countsByQueryValues", "countsByQueryTargets",
            "countsByQueryValueTargets", "countsByTargetStatusCodes"})
    record View(
            Map<String, Long> countsByTargets,
            Map<String, Long> countsByHeaders,
            Map<String, Map<String, Long>> countsByHeaderValues,
            Map<String, Map<String, Long>> countsByHeaderTargets,
            Map<String, Map<String, Map<String, Long>>> countsByHeaderValueTargets,
            Map<String, Long> countsByUris,
            Map<String, Map<String, Long>> countsByUriTargets,
            Map<String, Long> countsByQuery,
            Map<String, Map<String, Long>> countsByQueryValues,
            Map<String, Map<String, Long>> countsByQueryTargets,
            Map<String, Map<String, Map<String, Long>>> countsByQueryValueTargets,
            Map<String, Map<String, Long>> countsByTargetStatusCodes) {
    }
}
