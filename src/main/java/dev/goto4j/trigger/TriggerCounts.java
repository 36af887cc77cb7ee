package dev.goto4j.trigger;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The lock-free counts of the calls triggers made, by trigger name and then the status the call
 * got back (0 when it got no response). Bounded: names come from configuration and statuses are
 * below 600.
 */
final class TriggerCounts {

    private final ConcurrentHashMap<String, LongAdder[]> byTrigger = new ConcurrentHashMap<>();

    void count(String trigger, int status) {
        LongAdder[] codes = byTrigger.get(trigger);
        if (codes == null) {
            codes = byTrigger.computeIfAbsent(trigger, t -> newCodes());
        }
        codes[status >= 100 && status < 600 ? status : 0].increment();
    }

    private static LongAdder[] newCodes() {
        LongAdder[] codes = new LongAdder[600];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = new LongAdder();
        }
        return codes;
    }

    /** The counts as {@code GET /response/trigger/counts} shows them. */
    Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> view = new TreeMap<>();
        byTrigger.forEach((trigger, codes) -> {
            Map<String, Long> byCode = new TreeMap<>();
            for (int code = 0; code < codes.length; code++) {
                long n = codes[code].sum();
                if (n > 0) {
                    byCode.put(String.valueOf(code), n);
                }
            }
            view.put(trigger, byCode);
        });
        return view;
    }
}
