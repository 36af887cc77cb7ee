package dev.goto4j.proxy;

import dev.goto4j.http.ApiException;
import dev.goto4j.http.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Text with {@code {name}} or {@code {name:regex}} placeholders, as proxy targets use them: to
 * match a URI, header or query value while capturing the placeholders, and to fill a
 * replacement URI, header or query value with what was captured.
 */
final class Template {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final String text;
    private final List<String> literals;
    private final List<String> names;
    private final List<String> regexes;

    private Template(String text, List<String> literals, List<String> names,
                     List<String> regexes) {
        this.text = text;
        this.literals = literals;
        this.names = names;
        this.regexes = regexes;
    }

    /** Parses {@code text}; a 422 naming {@code field} when the braces or a regex are wrong. */
    static Template parse(String field, String text) {
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> regexes = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '}') {
                throw invalid(field, text, "a '}' without its '{'");
            }
            if (c != '{') {
                literal.append(c);
                at++;
                continue;
            }
            int close = closingBrace(text, at);
            if (close < 0) {
                throw invalid(field, text, "a '{' without its '}'");
            }
            String inside = text.substring(at + 1, close);
            int colon = inside.indexOf(':');
            String name = colon < 0 ? inside : inside.substring(0, colon);
            if (!NAME.matcher(name).matches()) {
                throw invalid(field, text, "a placeholder name of letters, digits, _ or -");
            }
            String regex = colon < 0 ? null : inside.substring(colon + 1);
            if (regex != null) {
                checkRegex(field, text, regex);
            }
            literals.add(literal.toString());
            literal.setLength(0);
            names.add(name);
            regexes.add(regex);
            at = close + 1;
        }
        literals.add(literal.toString());
        // Regexes may be null (a placeholder without its own), which List.copyOf refuses.
        return new Template(text, List.copyOf(literals), List.copyOf(names),
                Collections.unmodifiableList(regexes));
    }

    /** The index of the '}' closing the '{' at {@code open}, counting nested braces of a regex. */
    private static int closingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static void checkRegex(String field, String text, String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw invalid(field, text, "a valid regex after ':' (" + e.getDescription() + ")");
        }
    }

    private static ApiException invalid(String field, String text, String expected) {
        return ApiException.invalid("invalid " + field + ": " + text,
                Problem.of(field, text, expected));
    }

    String text() {
        return text;
    }

    boolean isLiteral() {
        return names.isEmpty();
    }

    /** True when the whole template is one placeholder without its own regex, like {@code {x}}. */
    boolean isBarePlaceholder() {
        return names.size() == 1 && regexes.get(0) == null && literals.get(0).isEmpty()
                && literals.get(1).isEmpty();
    }

    /** The name of the first placeholder. */
    String firstName() {
        return names.get(0);
    }

    /**
     * The regex matching this template; placeholders without their own regex match
     * {@code defaultRegex}. Placeholder {@code i} is captured in the group named {@code g<i>}.
     */
    Pattern toPattern(String defaultRegex) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            appendLiteral(regex, literals.get(i));
            String own = regexes.get(i);
            regex.append("(?<g").append(i).append('>').append(own == null ? defaultRegex : own)
                    .append(')');
        }
        appendLiteral(regex, literals.get(names.size()));
        return Pattern.compile(regex.toString());
    }

    private static void appendLiteral(StringBuilder regex, String literal) {
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal));
        }
    }

    /** Puts what each placeholder matched into {@code captures}. */
    void capture(Matcher matched, Map<String, String> captures) {
        for (int i = 0; i < names.size(); i++) {
            captures.put(names.get(i), matched.group("g" + i));
        }
    }

    /**
     * The text with every placeholder replaced by its captured value (the placeholder's regex
     * plays no part here), or null when a placeholder has no captured value and
     * {@code missingAsEmpty} is false.
     */
    String fill(Map<String, String> captures, boolean missingAsEmpty) {
        if (names.isEmpty()) {
            return text;
        }
        StringBuilder filled = new StringBuilder(text.length() + 16);
        for (int i = 0; i < names.size(); i++) {
            filled.append(literals.get(i));
            String value = captures == null ? null : captures.get(names.get(i));
            if (value == null && !missingAsEmpty) {
                return null;
            }
            filled.append(value == null ? "" : value);
        }
        return filled.append(literals.get(names.size())).toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
