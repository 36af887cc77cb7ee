package dev.goto4j.client;

import dev.goto4j.util.BoundedMap;
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
 * <p>Memory is bounded: at most {@code maxValues} distinct values per header and as many
 * distinct error texts are kept ({@code --max-tracked-values}); past that, counting goes on under
 * the key {@link BoundedMap#OVERFLOW}.
 */
final class TargetCounts {

    private static final long MAX_LATENCY_MICROS = 3_600_000_000L;
    /**
     * Latencies keep two significant digits (1 % apart): a results read copies each target's
     * histogram, and three digits made that copy eight times larger for no useful precision.
     */
    static final int LATENCY_DIGITS = 2;

    final String target;
    final LongAdder[] byCode = new LongAdder[600];
    final BoundedMap<LongAdder> byError;
    final ConcurrentHashMap<String, HeaderCounts> byHeader = new ConcurrentHashMap<>();
    final AtomicLong firstResponseMillis = new AtomicLong();
    // Striped, so replicas on different cores do not fight over one cache line per response.
    final LongAccumulator lastResponseMillis = new LongAccumulator(Math::max, 0);
    final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(MAX_LATENCY_MICROS, LATENCY_DIGITS);

    private final int maxValues;

    TargetCounts(String target, int maxValues) {
        this.target = target;
        this.maxValues = maxValues;
        this.byError = new BoundedMap<>(maxValues, LongAdder::new);
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
            byError.get("invalid status code " + status).increment();
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
        return counts != null ? counts : byHeader.computeIfAbsent(name,
                n -> new HeaderCounts(maxValues));
    }

    /**
     * Counts a request that got no response, under its error text; the snapshot reports the
     * sum of those as status code 0, so the two always agree.
     */
    void failure(String errorText, long latencyNanos) {
        touch();
        byError.get(errorText).increment();
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

    /** Counts of one tracked header by value; their sum is the count of responses with it. */
    static final class HeaderCounts {
        final BoundedMap<LongAdder> byValue;

        HeaderCounts(int maxValues) {
            this.byValue = new BoundedMap<>(maxValues, LongAdder::new);
        }

        void count(String value) {
            byValue.get(value).increment();
        }
    }
}
