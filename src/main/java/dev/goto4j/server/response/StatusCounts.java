package dev.goto4j.server.response;

import dev.goto4j.server.Exchange;
import dev.goto4j.server.Listener;
import dev.goto4j.server.RuntimeStage;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of a listener's runtime traffic by status: the status a {@code /status/{code}} request
 * asked for, and the status each response was sent with. Status codes fit an array, so counting
 * is an index and an add; clearing swaps in fresh counters.
 */
public final class StatusCounts {

    private static final int CODES = 600;

    private final AtomicReference<LongAdder[][]> counters =
            new AtomicReference<>(freshCounters());

    static StatusCounts of(Listener listener) {
        return listener.state(StatusCounts.class, l -> new StatusCounts());
    }

    /** The stage that counts the requested status now and the sent status when answered. */
    public static RuntimeStage stage() {
        return exchange -> of(exchange.listener()).watch(exchange);
    }

    private void watch(Exchange exchange) {
        int requested = exchange.requestedStatus();
        if (requested != 0) {
            counters.get()[0][requested].increment();
        }
        exchange.whenEnded(this::reported);
        exchange.proceed();
    }

    private void reported(int status) {
        if (status > 0 && status < CODES) {
            counters.get()[1][status].increment();
        }
    }

    void clear() {
        counters.set(freshCounters());
    }

    /** A snapshot of the counts; {@code onlyStatus} 0 for all codes. */
    Map<String, Map<String, Long>> snapshot(int onlyStatus) {
        LongAdder[][] current = counters.get();
        Map<String, Map<String, Long>> view = new java.util.LinkedHashMap<>();
        view.put("countsByRequestedStatus", byCode(current[0], onlyStatus));
        view.put("countsByReportedStatus", byCode(current[1], onlyStatus));
        return view;
    }

    private static Map<String, Long> byCode(LongAdder[] adders, int onlyStatus) {
        Map<String, Long> counts = new TreeMap<>();
        for (int code = 100; code < CODES; code++) {
            long n = adders[code].sum();
            if (n > 0 && (onlyStatus == 0 || onlyStatus == code)) {
                counts.put(String.valueOf(code), n);
            }
        }
        return counts;
    }

    private static LongAdder[][] freshCounters() {
        LongAdder[][] fresh = new LongAdder[2][CODES];
        for (LongAdder[] row : fresh) {
            for (int i = 0; i < CODES; i++) {
                row[i] = new LongAdder();
            }
        }
        return fresh;
    }
}
