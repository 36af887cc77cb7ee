package dev.goto4j.client;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * A snapshot of client results, overall and per target, as {@code GET /client/results} shows
 * it. Built when read from the live counters. The per-target invocation count is the sum of the
 * status codes read in the same pass, so the total of {@code targetInvocationCounts} always
 * equals the total of {@code countsByStatusCodes}, however much traffic is in flight.
 *
 * <p>Beyond the reference: {@code latencyMillis} and {@code targetLatencyMillis} give min, p50,
 * p90, p99, p99.9 and max response times in milliseconds.
 */
@JsonPropertyOrder({"targetInvocationCounts", "targetFirstResponses", "targetLastResponses",
        "countsByStatus", "countsByStatusCodes", "countsByHeaders", "countsByHeaderValues",
        "countsByTargetStatus", "countsByTargetStatusCode", "countsByTargetHeaders",
        "countsByTargetHeaderValues", "latencyMillis", "targetLatencyMillis"})
public record ClientResults(
        Map<String, Long> targetInvocationCounts,
        Map<String, String> targetFirstResponses,
        Map<String, String> targetLastResponses,
        Map<String, Long> countsByStatus,
        Map<String, Long> countsByStatusCodes,
        Map<String, Long> countsByHeaders,
        Map<String, Map<String, Long>> countsByHeaderValues,
        Map<String, Map<String, Long>> countsByTargetStatus,
        Map<String, Map<String, Long>> countsByTargetStatusCode,
        Map<String, Map<String, Long>> countsByTargetHeaders,
        Map<String, Map<String, Map<String, Long>>> countsByTargetHeaderValues,
        Latency latencyMillis,
        Map<String, Latency> targetLatencyMillis) {

    /** RFC 3339 with the offset and always three sub-second digits. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    /** Response times in milliseconds; all zero when nothing was measured. */
    public record Latency(long count, double min, double p50, double p90, double p99,
                          double p999, double max) {

        static Latency of(Histogram micros) {
            if (micros.getTotalCount() == 0) {
                return new Latency(0, 0, 0, 0, 0, 0, 0);
            }
            return new Latency(micros.getTotalCount(), ms(micros.getMinValue()),
                    ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                    ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)),
                    ms(micros.getMaxValue()));
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }
    }

    /** Reads the counters of {@code targets} once and sums them into a snapshot. */
    static ClientResults of(Collection<TargetCounts> targets) {
        ClientResults r = new ClientResults(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), null,
                new TreeMap<>());
        Histogram overall = new Histogram(TargetCounts.LATENCY_DIGITS);
        for (TargetCounts counts : targets) {
            Histogram latency = counts.latencyMicros.copy();
            if (r.add(counts, latency)) {
                overall.add(latency);
                r.targetLatencyMillis.put(counts.target, Latency.of(latency));
            }
        }
        return new ClientResults(r.targetInvocationCounts, r.targetFirstResponses,
                r.targetLastResponses, r.countsByStatus, r.countsByStatusCodes, r.countsByHeaders,
                r.countsByHeaderValues, r.countsByTargetStatus, r.countsByTargetStatusCode,
                r.countsByTargetHeaders, r.countsByTargetHeaderValues, Latency.of(overall),
                r.targetLatencyMillis);
    }

    /** Adds one target's counts; false when it has none yet (it is then left out). */
    private boolean add(TargetCounts counts, Histogram latency) {
        String target = counts.target;
        Map<String, Long> codes = new TreeMap<>();
        Map<String, Long> statuses = new TreeMap<>();
        long total = 0;
        for (int code = 1; code < counts.byCode.length; code++) {
            long n = counts.byCode[code].sum();
            if (n > 0) {
                total += n;
                codes.put(String.valueOf(code), n);
                statuses.put(statusText(code), n);
            }
        }
        Map<String, Long> errors = counts.byError.snapshot(LongAdder::sum);
        long failures = 0;
        for (Map.Entry<String, Long> error : errors.entrySet()) {
            failures += error.getValue();
            statuses.merge(error.getKey(), error.getValue(), Long::sum);
        }
        if (failures > 0) {
            total += failures;
            codes.put("0", failures);
        }
        if (total == 0) {
            return false;
        }
        targetInvocationCounts.put(target, total);
        targetFirstResponses.put(target, time(counts.firstResponseMillis.get()));
        targetLastResponses.put(target, time(counts.lastResponseMillis.get()));
        countsByTargetStatusCode.put(target, codes);
        countsByTargetStatus.put(target, statuses);
        codes.forEach((k, v) -> countsByStatusCodes.merge(k, v, Long::sum));
        statuses.forEach((k, v) -> countsByStatus.merge(k, v, Long::sum));
        addHeaders(counts);
        return true;
    }

    private void addHeaders(TargetCounts counts) {
        Map<String, Long> headers = new TreeMap<>();
        Map<String, Map<String, Long>> values = new TreeMap<>();
        counts.byHeader.forEach((name, header) -> {
            Map<String, Long> byValue = new TreeMap<>();
            header.byValue.forEach((value, n) -> byValue.put(value, n.sum()));
            // The total is the sum of the values read here, so the two never disagree.
            long total = byValue.values().stream().mapToLong(Long::longValue).sum();
            headers.put(name, total);
            values.put(name, byValue);
            countsByHeaders.merge(name, total, Long::sum);
            Map<String, Long> overall = countsByHeaderValues.computeIfAbsent(name,
                    n -> new TreeMap<>());
            byValue.forEach((value, n) -> overall.merge(value, n, Long::sum));
        });
        countsByTargetHeaders.put(counts.target, headers);
        countsByTargetHeaderValues.put(counts.target, values);
    }

    static String statusText(int code) {
        String reason = HttpResponseStatus.valueOf(code).reasonPhrase();
        return code + " " + reason;
    }

    static String time(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneId.systemDefault())
                .format(TIME);
    }
}
