package dev.goto4j.trigger;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.goto4j.http.ApiException;
import dev.goto4j.http.Checks;
import dev.goto4j.http.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A trigger as the API takes and shows it: the call to make whenever this listener answers a
 * runtime request with one of {@code triggerOnResponseStatuses}. Validated whole when built; any
 * problem fails the construction with a 422 listing every field at fault.
 *
 * <p>{@code method} absent means GET, {@code enabled} absent means true; {@code sendId} is
 * accepted as a spelling of {@code sendID}.
 */
@JsonPropertyOrder({"name", "method", "url", "headers", "body", "sendID", "enabled",
        "triggerOnResponseStatuses"})
public record Trigger(
        String name,
        String method,
        String url,
        List<List<String>> headers,
        String body,
        @JsonProperty("sendID") @JsonAlias("sendId") Boolean sendID,
        Boolean enabled,
        List<Integer> triggerOnResponseStatuses) {

    private static final Set<String> METHODS = new TreeSet<>(Set.of("GET", "HEAD", "POST", "PUT",
            "DELETE", "OPTIONS", "TRACE", "PATCH"));

    public Trigger {
        method = method == null || method.isBlank() ? "GET"
                : method.trim().toUpperCase(Locale.ROOT);
        body = body == null ? "" : body;
        sendID = sendID != null && sendID;
        enabled = enabled == null || enabled;
        List<Problem> problems = new ArrayList<>();
        Checks.name(problems, name);
        if (!METHODS.contains(method)) {
            problems.add(Problem.of("method", method, "one of " + String.join(", ", METHODS)));
        }
        Checks.httpUrl(problems, url, true);
        headers = checkHeaders(problems, headers);
        triggerOnResponseStatuses = checkStatuses(problems, triggerOnResponseStatuses);
        if (!problems.isEmpty()) {
            throw ApiException.invalid("invalid trigger " + name, problems);
        }
    }

    /** The same trigger, enabled or disabled. */
    Trigger withEnabled(boolean on) {
        return new Trigger(name, method, url, headers, body, sendID, on,
                triggerOnResponseStatuses);
    }

    private static List<List<String>> checkHeaders(List<Problem> problems,
                                                   List<List<String>> headers) {
        if (headers == null) {
            return List.of();
        }
        List<List<String>> checked = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            List<String> header = headers.get(i);
            if (header == null || header.size() != 2 || header.stream().anyMatch(Objects::isNull)
                    || header.get(0).isBlank() || header.get(0).contains(":")
                    || header.get(1).indexOf('\n') >= 0 || header.get(1).indexOf('\r') >= 0) {
                problems.add(Problem.of("headers[" + i + "]", header,
                        "a [name, value] pair with a header name and a one-line value"));
            } else {
                checked.add(List.copyOf(header));
            }
        }
        return List.copyOf(checked);
    }

    private static List<Integer> checkStatuses(List<Problem> problems, List<Integer> statuses) {
        if (statuses == null || statuses.isEmpty()) {
            problems.add(Problem.of("triggerOnResponseStatuses", statuses == null ? null : "[]",
                    "one or more status codes from 100 to 599"));
            return List.of();
        }
        List<Integer> checked = new ArrayList<>();
        for (int i = 0; i < statuses.size(); i++) {
            Integer status = statuses.get(i);
            if (status == null || status < 100 || status > 599) {
                problems.add(Problem.of("triggerOnResponseStatuses[" + i + "]", status,
                        "a status code from 100 to 599"));
            } else {
                checked.add(status);
            }
        }
        return List.copyOf(checked);
    }
}
