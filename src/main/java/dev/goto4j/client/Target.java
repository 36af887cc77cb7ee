package dev.goto4j.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.goto4j.http.ApiException;
import dev.goto4j.http.Checks;
import dev.goto4j.http.Durations;
import dev.goto4j.http.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A client target as the API takes and shows it: where to send requests, how many, how often,
 * and how to treat TLS. Validated whole when built; any problem fails the construction with a
 * 422 that lists every field at fault, so a bad target never reaches the target list.
 *
 * <p>Fields left out of the JSON stay null and take their documented defaults when used
 * ({@code protocol} HTTP/1.1, {@code retryDelay} 1s, the rest off or zero), which keeps the echoed
 * target to what the caller set. {@code bodyReader} is always null and {@code keepOpen} is
 * accepted as a duration but has no effect: connections stay pooled per target regardless.
 * Other packages (jobs, registry) reuse this record for their HTTP calls.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "method", "url", "headers", "body", "bodyReader", "replicas",
        "requestCount", "initialDelay", "delay", "keepOpen", "sendID"})
public record Target(
        String name,
        String method,
        String url,
        List<List<String>> headers,
        String body,
        @JsonInclude(JsonInclude.Include.ALWAYS) Object bodyReader,
        String protocol,
        Boolean autoUpgrade,
        Integer replicas,
        Integer requestCount,
        String initialDelay,
        String delay,
        String keepOpen,
        Integer retries,
        String retryDelay,
        List<Integer> retriableStatusCodes,
        @JsonProperty("sendID") Boolean sendID,
        String connTimeout,
        String connIdleTimeout,
        String requestTimeout,
        @JsonProperty("verifyTLS") Boolean verifyTLS,
        Boolean autoInvoke) {

    public static final String HTTP_1_1 = "HTTP/1.1";
    public static final String HTTP_2 = "HTTP/2.0";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE",
            "CONNECT", "OPTIONS", "TRACE", "PATCH");

    public Target {
        method = method == null || method.isBlank() ? "GET" : method.trim().toUpperCase(Locale.ROOT);
        headers = headers == null ? List.of() : List.copyOf(headers);
        body = body == null ? "" : body;
        replicas = replicas == null || replicas == 0 ? 1 : replicas;
        requestCount = requestCount == null || requestCount == 0 ? 1 : requestCount;
        delay = delay == null || delay.isBlank() ? "10ms" : delay;
        keepOpen = keepOpen == null ? "" : keepOpen;
        sendID = sendID != null && sendID;
        List<Problem> problems = problems(name, method, url, headers, bodyReader, protocol,
                replicas, requestCount, retries, retriableStatusCodes);
        checkDuration(problems, "initialDelay", initialDelay);
        checkDuration(problems, "delay", delay);
        checkDuration(problems, "keepOpen", keepOpen);
        checkDuration(problems, "retryDelay", retryDelay);
        checkDuration(problems, "connTimeout", connTimeout);
        checkDuration(problems, "connIdleTimeout", connIdleTimeout);
        checkDuration(problems, "requestTimeout", requestTimeout);
        if (!problems.isEmpty()) {
            throw ApiException.invalid("invalid target " + name, problems);
        }
    }

    /** A minimal target: one GET to {@code url}. */
    public static Target of(String name, String url) {
        return new Target(name, "GET", url, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    private static List<Problem> problems(String name, String method, String url,
                                          List<List<String>> headers, Object bodyReader,
                                          String protocol, int replicas, int requestCount,
                                          Integer retries, List<Integer> retriable) {
        List<Problem> problems = new ArrayList<>();
        Checks.name(problems, name);
        if (!METHODS.contains(method)) {
            problems.add(Problem.of("method", method, "one of " + String.join(", ", METHODS)));
        }
        Checks.httpUrl(problems, url, true);
        for (List<String> header : headers) {
            if (header == null || header.size() != 2 || header.get(0) == null
                    || header.get(0).isBlank() || header.get(1) == null) {
                problems.add(Problem.of("headers", header, "a [name, value] pair"));
            } else if (header.get(0).equalsIgnoreCase("host") && !isHost(header.get(1))) {
                problems.add(Problem.of("headers", header, "a Host of the form name[:port]"));
            }
        }
        if (bodyReader != null) {
            problems.add(Problem.of("bodyReader", bodyReader, "null"));
        }
        if (protocol != null && !protocol.equals(HTTP_1_1) && !protocol.equals(HTTP_2)) {
            problems.add(Problem.of("protocol", protocol, HTTP_1_1 + " or " + HTTP_2));
        }
        checkCount(problems, "replicas", replicas);
        checkCount(problems, "requestCount", requestCount);
        checkCount(problems, "retries", retries == null ? 0 : retries);
        if (retriable != null) {
            for (Integer code : retriable) {
                if (code == null || code < 100 || code > 599) {
                    problems.add(Problem.of("retriableStatusCodes", code,
                            "status codes from 100 to 599"));
                }
            }
        }
        return problems;
    }

    private static boolean isHost(String value) {
        try {
            return new URI("http://" + value + "/").getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkCount(List<Problem> problems, String field, int value) {
        if (value < 0) {
            problems.add(Problem.of(field, value, "a number >= 0"));
        }
    }

    private static void checkDuration(List<Problem> problems, String field, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        try {
            if (!Durations.parse(text).isNegative()) {
                return;
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            // Reported below with what was expected.
        }
        problems.add(Problem.of(field, text, "a duration >= 0 such as 200ms, 1s or 1m30s"));
    }

    /** The duration in a validated field; empty or absent is {@code fallback}. */
    static Duration duration(String text, Duration fallback) {
        return text == null || text.isEmpty() ? fallback : Durations.parse(text);
    }
}
