package dev.goto4j.client;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The response headers the client counts, in lower case. Kept as an array swapped whole on
 * change, so the request path reads it without a lock.
 */
final class TrackedHeaders {

    private volatile String[] names = new String[0];

    String[] names() {
        return names;
    }

    synchronized void add(List<String> headers) {
        Set<String> set = new LinkedHashSet<>(Arrays.asList(names));
        headers.forEach(h -> set.add(h.toLowerCase(Locale.ROOT)));
        names = set.toArray(String[]::new);
    }

    synchronized void remove(List<String> headers) {
        Set<String> set = new LinkedHashSet<>(Arrays.asList(names));
        headers.forEach(h -> set.remove(h.toLowerCase(Locale.ROOT)));
        names = set.toArray(String[]::new);
    }

    synchronized void clear() {
        names = new String[0];
    }
}
