package dev.goto4j.client;

import io.vertx.core.MultiMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
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
    volatile long lastResponseMillis;
    final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(MAX_LATENCY_MICROS, 3);

    TargetCounts(String target) {
        this.target = target;
        for (int i = 0; i < byCode.length; i++) {
            byCode[i] = new LongAdder();
        }
    }

    /** Counts one response; {@code tracked} holds lower-case header names. */
    void response(int status, MultiMap headers, String[] tracked, long latencyNanos) {
        touch();
        byCode[status >= 100 && status < 600 ? status : 0].increment();
        for (String name : tracked) {
            String value = headers.get(name);
            if (value != null) {
                byHeader.computeIfAbsent(name, n -> new HeaderCounts()).count(value);
            }
        }
        latency(latencyNanos);
    }

    /** Counts a request that got no response, under status code 0 and its error text. */
    void failure(String errorText, long latencyNanos) {
        touch();
        byCode[0].increment();
        capped(byError, errorText).increment();
        latency(latencyNanos);
    }

    private void touch() {
        long now = System.currentTimeMillis();
        firstResponseMillis.compareAndSet(0, now);
        lastResponseMillis = now;
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

    /** Counts of one tracked header: responses carrying it, and by value. */
    static final class HeaderCounts {
        final LongAdder total = new LongAdder();
        final ConcurrentHashMap<String, LongAdder> byValue = new ConcurrentHashMap<>();

        void count(String value) {
            total.increment();
            capped(byValue, value).increment();
        }
    }
}
