package dev.goto4j.proxy;

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
import java.util.regex.Pattern;

/**
 * A proxy target as the API takes and shows it: where matching requests go and how they are
 * rewritten on the way. Validated whole when built; any problem fails the construction with a
 * 422 listing every field at fault, so a bad target never reaches the target list.
 *
 * <p>{@code replicas} absent or 0 means 1; {@code enabled} absent means true, so a target added
 * without it proxies at once. {@code sendId} is accepted as a spelling of {@code sendID}.
 */
@JsonPropertyOrder({"name", "url", "sendID", "replaceURI", "addHeaders", "removeHeaders",
        "addQuery", "removeQuery", "match", "replicas", "enabled"})
public record ProxyTarget(
        String name,
        String url,
        @JsonProperty("sendID") @JsonAlias("sendId") Boolean sendID,
        @JsonProperty("replaceURI") String replaceURI,
        List<List<String>> addHeaders,
        List<String> removeHeaders,
        List<List<String>> addQuery,
        List<String> removeQuery,
        ProxyMatch match,
        Integer replicas,
        Boolean enabled) {

    /** Upper bound of replicas: each one is a full upstream call per matched request. */
    static final int MAX_REPLICAS = 100;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public ProxyTarget {
        sendID = sendID != null && sendID;
        replaceURI = replaceURI == null ? "" : replaceURI;
        replicas = replicas == null || replicas == 0 ? 1 : replicas;
        enabled = enabled == null || enabled;
        List<Problem> problems = new ArrayList<>();
        Checks.name(problems, name);
        Checks.httpUrl(problems, url, false);
        if (!replaceURI.isEmpty()) {
            checkUri(problems, "replaceURI", replaceURI);
        }
        addHeaders = pairs(problems, "addHeaders", addHeaders, true);
        removeHeaders = names(problems, "removeHeaders", removeHeaders, true);
        addQuery = pairs(problems, "addQuery", addQuery, false);
        removeQuery = names(problems, "removeQuery", removeQuery, false);
        match = checkMatch(problems, match);
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            problems.add(Problem.of("replicas", replicas, "a number from 1 to " + MAX_REPLICAS));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("invalid proxy target " + name, problems);
        }
    }

    /** The same target, enabled or disabled. */
    ProxyTarget withEnabled(boolean on) {
        return new ProxyTarget(name, url, sendID, replaceURI, addHeaders, removeHeaders, addQuery,
                removeQuery, match, replicas, on);
    }

    private static void checkUri(List<Problem> problems, String field, String uri) {
        if (!uri.startsWith("/")) {
            problems.add(Problem.of(field, uri, "a path starting with /"));
            return;
        }
        checkTemplate(problems, field, uri);
    }

    private static void checkTemplate(List<Problem> problems, String field, String text) {
        try {
            Template.parse(field, text);
        } catch (ApiException e) {
            problems.addAll(e.problems());
        }
    }

    /** Checks a list of [name, value] pairs; header names are kept in lower case. */
    private static List<List<String>> pairs(List<Problem> problems, String field,
                                            List<List<String>> pairs, boolean headerNames) {
        return entries(problems, field, pairs, headerNames, false);
    }

    /** Checks [name] or [name, value] entries; a value may hold placeholders. */
    private static List<List<String>> entries(List<Problem> problems, String field,
                                              List<List<String>> entries, boolean headerNames,
                                              boolean valueOptional) {
        if (entries == null) {
            return List.of();
        }
        List<List<String>> checked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            List<String> entry = entries.get(i);
            String at = field + "[" + i + "]";
            int min = valueOptional ? 1 : 2;
            if (entry == null || entry.size() < min || entry.size() > 2
                    || entry.stream().anyMatch(Objects::isNull)) {
                problems.add(Problem.of(at, entry,
                        valueOptional ? "[name] or [name, value]" : "a [name, value] pair"));
                continue;
            }
            String name = entry.get(0);
            if (!isName(name, headerNames)) {
                problems.add(Problem.of(at, name, nameExpected(headerNames)));
                continue;
            }
            if (entry.size() == 2) {
                if (headerNames && hasLineBreak(entry.get(1))) {
                    problems.add(Problem.of(at, entry.get(1), "a header value on one line"));
                    continue;
                }
                checkTemplate(problems, at, entry.get(1));
            }
            String key = headerNames ? name.toLowerCase(Locale.ROOT) : name;
            checked.add(entry.size() == 1 ? List.of(key) : List.of(key, entry.get(1)));
        }
        return List.copyOf(checked);
    }

    private static List<String> names(List<Problem> problems, String field, List<String> names,
                                      boolean headerNames) {
        if (names == null) {
            return List.of();
        }
        List<String> checked = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!isName(name, headerNames)) {
                problems.add(Problem.of(field + "[" + i + "]", name, nameExpected(headerNames)));
            } else {
                checked.add(headerNames ? name.toLowerCase(Locale.ROOT) : name);
            }
        }
        return List.copyOf(checked);
    }

    private static ProxyMatch checkMatch(List<Problem> problems, ProxyMatch match) {
        if (match == null || match.isEmpty()) {
            problems.add(Problem.of("match", match == null ? null : "{}",
                    "at least one of match.uris, match.headers or match.query"));
            return match == null ? new ProxyMatch(null, null, null) : match;
        }
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < match.uris().size(); i++) {
            String uri = match.uris().get(i);
            if (uri == null) {
                problems.add(Problem.of("match.uris[" + i + "]", null, "a path starting with /"));
            } else {
                checkUri(problems, "match.uris[" + i + "]", uri);
                uris.add(uri);
            }
        }
        return new ProxyMatch(List.copyOf(uris),
                entries(problems, "match.headers", match.headers(), true, true),
                entries(problems, "match.query", match.query(), false, true));
    }

    private static boolean isName(String name, boolean headerName) {
        if (name == null || name.isBlank()) {
            return false;
        }
        return !headerName || TOKEN.matcher(name).matches();
    }

    private static String nameExpected(boolean headerName) {
        return headerName ? "a header name (letters, digits and !#$%&'*+.^_`|~-)"
                : "a non-empty name";
    }

    private static boolean hasLineBreak(String value) {
        return value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
    }
}
