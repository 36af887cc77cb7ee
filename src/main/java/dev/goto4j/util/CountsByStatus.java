package dev.goto4j.util;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Lock-free counts of calls by a configured name (a proxy target, a trigger), then the HTTP
 * status the call got back, with 0 standing for no response. Names come from configuration and
 * codes are below 600, so memory is bounded.
 */
public final class CountsByStatus {

    private static final int CODES = 600;

    private final ConcurrentHashMap<String, LongAdder[]> byName = new ConcurrentHashMap<>();

    /** Counts one call of {@code name} that got {@code status}; anything not 100-599 counts as 0. */
    public void count(String name, int status) {
        LongAdder[] codes = byName.get(name);
        if (codes == null) {
            codes = byName.computeIfAbsent(name, n -> newCodes());
        }
        codes[status >= 100 && status < CODES ? status : 0].increment();
    }

    private static LongAdder[] newCodes() {
        LongAdder[] codes = new LongAdder[CODES];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = new LongAdder();
        }
        return codes;
    }

    /** The counts by name, then status code as text, leaving out codes never counted. */
    public Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> view = new TreeMap<>();
        byName.forEach((name, codes) -> {
            Map<String, Long> byCode = new TreeMap<>();
            for (int code = 0; code < codes.length; code++) {
                long n = codes[code].sum();
                if (n > 0) {
                    byCode.put(String.valueOf(code), n);
                }
            }
            view.put(name, byCode);
        });
        return view;
    }
}
