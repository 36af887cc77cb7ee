package dev.goto4j.proxy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches one request value (a path, a header or query value) against a {@link Template},
 * capturing its placeholders. Literal text and a bare {@code {x}} skip the regex engine.
 */
final class ValueMatcher {

    /** What a placeholder matches in a path: one segment or the rest of one. */
    static final String SEGMENT = "[^/]+";
    /** What a placeholder matches in a header or query value: anything. */
    static final String ANYTHING = ".*";

    private final Template template;
    private final Pattern pattern;
    private final boolean bare;

    private ValueMatcher(Template template, String defaultRegex) {
        this.template = template;
        this.bare = template.isBarePlaceholder() && defaultRegex.equals(ANYTHING);
        this.pattern = template.isLiteral() || bare ? null : template.toPattern(defaultRegex);
    }

    static ValueMatcher of(String field, String text, String defaultRegex) {
        return new ValueMatcher(Template.parse(field, text), defaultRegex);
    }

    /** True when {@code value} matches whole; its captures then go into {@code match}. */
    boolean matches(String value, Match match) {
        if (bare) {
            match.capturesForWriting().put(template.firstName(), value);
            return true;
        }
        if (pattern == null) {
            return template.text().equals(value);
        }
        Matcher matcher = pattern.matcher(value);
        if (!matcher.matches()) {
            return false;
        }
        template.capture(matcher, match.capturesForWriting());
        return true;
    }
}
