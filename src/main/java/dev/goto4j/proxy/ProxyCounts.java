package dev.goto4j.proxy;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The lock-free counts of what the proxy of one listener matched and forwarded: requests per
 * target, per URI, per header and header value, per query parameter and value (each also by
 * target), and the status of every upstream call per target (0 when no response came back).
 *
 * <p>Memory is bounded: URIs, header values and query values come from traffic, so at most
 * {@link #MAX_KEYS} distinct ones are kept per map; past that, counting goes on under
 * {@link #OVERFLOW}. Target, header and parameter names come from configuration.
 */
final class ProxyCounts {

    static final int MAX_KEYS = 1000;
    static final String OVERFLOW = "(other values)";

    private final ConcurrentHashMap<String, LongAdder> byTarget = new ConcurrentHashMap<>();
    private final Criterion headers = new Criterion();
    private final Criterion queries = new Criterion();
    private final ConcurrentHashMap<String, LongAdder> byUri = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, LongAdder>> byUriTarget =
            new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LongAdder[]> byTargetStatus =
            new ConcurrentHashMap<>();

    /** Counts one request matched by {@code target}, under each criterion that matched. */
    void matched(String target, String uri, Match match) {
        adder(byTarget, target).increment();
        if (match.byUri) {
            capped(byUri, uri).increment();
            adder(cappedMap(byUriTarget, uri), target).increment();
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
        LongAdder[] byCode = byTargetStatus.get(target);
        if (byCode == null) {
            byCode = byTargetStatus.computeIfAbsent(target, t -> newCodes());
        }
        byCode[status >= 100 && status < 600 ? status : 0].increment();
    }

    private static LongAdder[] newCodes() {
        LongAdder[] codes = new LongAdder[600];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = new LongAdder();
        }
        return codes;
    }

    /** The counts as {@code GET /request/proxy/counts} shows them; every map present. */
    View snapshot() {
        Map<String, Map<String, Long>> statuses = new TreeMap<>();
        byTargetStatus.forEach((target, codes) -> {
            Map<String, Long> byCode = new TreeMap<>();
            for (int code = 0; code < codes.length; code++) {
                long n = codes[code].sum();
                if (n > 0) {
                    byCode.put(String.valueOf(code), n);
                }
            }
            statuses.put(target, byCode);
        });
        return new View(sums(byTarget), sums(headers.byName), nestedSums(headers.byValue),
                nestedSums(headers.byNameTarget), deepSums(headers.byValueTarget), sums(byUri),
                nestedSums(byUriTarget), sums(queries.byName), nestedSums(queries.byValue),
                nestedSums(queries.byNameTarget), deepSums(queries.byValueTarget), statuses);
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

    private static Map<String, Map<String, Map<String, Long>>> deepSums(
            Map<String, ConcurrentHashMap<String, ConcurrentHashMap<String, LongAdder>>> deep) {
        Map<String, Map<String, Map<String, Long>>> sums = new TreeMap<>();
        deep.forEach((key, nested) -> sums.put(key, nestedSums(nested)));
        return sums;
    }

    private static LongAdder adder(ConcurrentHashMap<String, LongAdder> map, String key) {
        LongAdder adder = map.get(key);
        return adder != null ? adder : map.computeIfAbsent(key, k -> new LongAdder());
    }

    /** The adder of {@code key}, or of {@link #OVERFLOW} once the map holds its cap of keys. */
    private static LongAdder capped(ConcurrentHashMap<String, LongAdder> map, String key) {
        LongAdder adder = map.get(key);
        if (adder != null) {
            return adder;
        }
        // The size check races with other inserts, so the cap may be passed by a few entries;
        // it still bounds memory, which is its purpose.
        return adder(map, map.size() < MAX_KEYS ? key : OVERFLOW);
    }

    private static <V> ConcurrentHashMap<String, V> cappedMap(
            ConcurrentHashMap<String, ConcurrentHashMap<String, V>> map, String key) {
        ConcurrentHashMap<String, V> inner = map.get(key);
        if (inner != null) {
            return inner;
        }
        String bounded = map.size() < MAX_KEYS ? key : OVERFLOW;
        return map.computeIfAbsent(bounded, k -> new ConcurrentHashMap<>());
    }

    private static <V> ConcurrentHashMap<String, V> map(
            ConcurrentHashMap<String, ConcurrentHashMap<String, V>> map, String key) {
        ConcurrentHashMap<String, V> inner = map.get(key);
        return inner != null ? inner : map.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
    }

    /** The counts of one kind of criterion (headers or query parameters). */
    private static final class Criterion {
        final ConcurrentHashMap<String, LongAdder> byName = new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, ConcurrentHashMap<String, LongAdder>> byValue =
                new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, ConcurrentHashMap<String, LongAdder>> byNameTarget =
                new ConcurrentHashMap<>();
        final ConcurrentHashMap<String, ConcurrentHashMap<String,
                ConcurrentHashMap<String, LongAdder>>> byValueTarget = new ConcurrentHashMap<>();

        void count(String target, String name, String value) {
            adder(byName, name).increment();
            capped(map(byValue, name), value).increment();
            adder(map(byNameTarget, name), target).increment();
            adder(cappedMap(map(byValueTarget, name), value), target).increment();
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
