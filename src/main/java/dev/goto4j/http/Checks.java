package dev.goto4j.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Checks that the models of several capabilities share. Each adds a {@link Problem} naming the
 * field, the value and what was expected, so a model can report every fault at once.
 */
public final class Checks {

    private Checks() {
    }

    /** A name used in paths and comma lists: not empty, without ',' or '/'. */
    public static void name(List<Problem> problems, String name) {
        name(problems, "name", name, "name");
    }

    /** The same check for a name in another field, such as a job's {@code id}. */
    public static void name(List<Problem> problems, String field, String value, String what) {
        if (value == null || value.isBlank() || value.contains(",") || value.contains("/")) {
            problems.add(Problem.of(field, value, "a non-empty " + what + " without ',' or '/'"));
        }
    }

    /** An absolute http or https URL with a host; with a query and fragment only if allowed. */
    public static void httpUrl(List<Problem> problems, String url, boolean queryAllowed) {
        String expected = "an absolute http or https URL with a host"
                + (queryAllowed ? "" : ", without query or fragment");
        if (url == null || url.isBlank()) {
            problems.add(Problem.of("url", url, expected));
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean extras = uri.getRawQuery() != null || uri.getRawFragment() != null;
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || (extras && !queryAllowed)) {
                problems.add(Problem.of("url", url, expected));
            }
        } catch (URISyntaxException e) {
            problems.add(Problem.of("url", url, expected));
        }
    }
}
