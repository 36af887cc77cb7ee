package dev.goto4j.server;

import dev.goto4j.http.ApiException;
import dev.goto4j.http.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A request path with optional {@code {name}} placeholders, such as {@code /foo/{f}/bar/{b}}.
 * A placeholder matches one path segment or the rest of one ({@code /bar{b}} matches
 * {@code /bar42}); {@code {name:regex}} matches what the regex matches. Without placeholders the
 * path must match exactly, and the query string is never part of the match.
 */
public final class UriPattern {

    private static final String EXPECTED =
            "a path starting with / and optional {name} or {name:regex} placeholders";

    private final String text;
    private final Pattern regex;
    private final List<String> names;

    private UriPattern(String text, Pattern regex, List<String> names) {
        this.text = text;
        this.regex = regex;
        this.names = names;
    }

    /** Parses a pattern; 400 naming {@code field} when it is not one. */
    public static UriPattern parse(String field, String text) {
        if (text == null || !text.startsWith("/")) {
            throw invalid(field, text);
        }
        if (text.indexOf('{') < 0 && text.indexOf('}') < 0) {
            return new UriPattern(text, null, List.of());
        }
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('{', at);
            int stray = text.indexOf('}', at);
            if (open < 0) {
                if (stray >= 0) {
                    throw invalid(field, text);
                }
                regex.append(Pattern.quote(text.substring(at)));
                break;
            }
            int close = text.indexOf('}', open);
            if (close < 0 || stray < open || close == open + 1) {
                throw invalid(field, text);
            }
            if (open > at) {
                regex.append(Pattern.quote(text.substring(at, open)));
            }
            String placeholder = text.substring(open + 1, close);
            int colon = placeholder.indexOf(':');
            String name = colon < 0 ? placeholder : placeholder.substring(0, colon);
            String part = colon < 0 ? "[^/]+" : placeholder.substring(colon + 1);
            if (name.isEmpty() || !name.matches("\\w+") || names.contains(name)) {
                throw invalid(field, text);
            }
            names.add(name);
            regex.append("(?<").append(name).append('>').append(part).append(')');
            at = close + 1;
        }
        try {
            return new UriPattern(text, Pattern.compile(regex.toString()), List.copyOf(names));
        } catch (PatternSyntaxException e) {
            throw invalid(field, text);
        }
    }

    /** True when {@code path} (without its query) matches. */
    public boolean matches(String path) {
        return regex == null ? text.equals(path) : regex.matcher(path).matches();
    }

    /** The placeholder values of a matching path by name, or null when it does not match. */
    public Map<String, String> captures(String path) {
        if (regex == null) {
            return text.equals(path) ? Map.of() : null;
        }
        Matcher m = regex.matcher(path);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        names.forEach(name -> values.put(name, m.group(name)));
        return values;
    }

    /** The pattern as it was given. */
    @Override
    public String toString() {
        return text;
    }

    private static ApiException invalid(String field, String text) {
        return ApiException.badRequest("invalid " + field + ": " + text,
                Problem.of(field, text, EXPECTED));
    }
}
