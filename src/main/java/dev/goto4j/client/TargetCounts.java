package dev.goto4j.client;

import io.vertx.core.MultiMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * The lock-free counts of what one target got back: by status code, by error text, by tracked
 * header and header value, with first and last response times and a latency histogram.
 *
 * <p>Memory is bounded: at most {@link #MAX_VALUES} distinct values per header and
 * {@link #MAX_VALUES} distinct error texts are kept; past that, counting goes on under the key
 * {@link #OVERFLOW}.
 */
final class TargetCounts {

    static final int MAX_VALUES = 1000;
    static final String OVERFLOW = "(other values)";
    private static final long MAX_LATENCY_MICROS = 3_600_000_000L;

    final String target;
    final LongAdder[] byCode = new LongAdder[600];
    final ConcurrentHashMap<String, LongAdder> byError = new ConcurrentHashMap<>();
    final ConcurrentHashMap<String, HeaderCounts> byHeader = new ConcurrentHashMap<>();
    final AtomicLong firstResponseMillis = new AtomicLong();
    // Striped, so replicas on different cores do not fight over one cache line per response.
    final LongAccumulator lastResponseMillis = new LongAccumulator(Math::max, 0);
    final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);

    TargetCounts(String target) {
        this.target = target;
        for (int i = 0; i < byCode.length; i++) {
            byCode[i] = new LongAdder();
        }
    }

    /** Counts one response; {@code tracked} holds lower-case header names. Slot 0 is unused. */
    void response(int status, MultiMap headers, String[] tracked, long latencyNanos) {
        touch();
        if (status >= 100 && status < byCode.length) {
            byCode[status].increment();
        } else {
            capped(byError, "invalid status code " + status).increment();
        }
        for (String name : tracked) {
            String value = headers.get(name);
            if (value != null) {
                header(name).count(value);
            }
        }
        latency(latencyNanos);
    }

    private HeaderCounts header(String name) {
        // A plain read first: computeIfAbsent may lock the bin even when the key is there.
        HeaderCounts counts = byHeader.get(name);
        return counts != null ? counts : byHeader.computeIfAbsent(name, n -> new HeaderCounts());
    }

    /**
     * Counts a request that got no response, under its error text; the snapshot reports the
     * sum of those as status code 0, so the two always agree.
     */
    void failure(String errorText, long latencyNanos) {
        touch();
        capped(byError, errorText).increment();
        latency(latencyNanos);
    }

    private void touch() {
        long now = System.currentTimeMillis();
        // Read before the compare-and-set: after the first response this stays a plain read.
        if (firstResponseMillis.get() == 0) {
            firstResponseMillis.compareAndSet(0, now);
        }
        lastResponseMillis.accumulate(now);
    }

    private void latency(long nanos) {
        latencyMicros.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(0, nanos / 1000)));
    }

    static LongAdder capped(ConcurrentHashMap<String, LongAdder> map, String key) {
        LongAdder adder = map.get(key);
        if (adder != null) {
            return adder;
        }
        // The size check races with other inserts, so the cap may be passed by a few entries;
        // it still bounds memory, which is its purpose.
        return map.size() < MAX_VALUES ? map.computeIfAbsent(key, k -> new LongAdder())
                : map.computeIfAbsent(OVERFLOW, k -> new LongAdder());
    }

    /** Counts of one tracked header by value; their sum is the count of responses with it. */
    static final class HeaderCounts {
        final ConcurrentHashMap<String, LongAdder> byValue = new ConcurrentHashMap<>();

        void count(String value) {
            capped(byValue, value).increment();
        }
    }
}
