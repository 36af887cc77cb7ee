package dev.goto4j.proxy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one request matched of one proxy target: whether a URI matched, which headers and query
 * parameters matched with the values the request carried, and the placeholder values captured.
 * Built on the event loop for one request; its lists exist only when something was put in them.
 */
final class Match {

    boolean byUri;
    private List<String> headers;
    private List<String> queries;
    private Map<String, String> captures;

    /** Records a matched header as name then value. */
    void header(String name, String value) {
        if (headers == null) {
            headers = new ArrayList<>(2);
        }
        headers.add(name);
        headers.add(value);
    }

    void query(String name, String value) {
        if (queries == null) {
            queries = new ArrayList<>(2);
        }
        queries.add(name);
        queries.add(value);
    }

    /** Matched header names and values, alternating; empty when none matched. */
    List<String> headers() {
        return headers == null ? List.of() : headers;
    }

    List<String> queries() {
        return queries == null ? List.of() : queries;
    }

    /** The captured values by placeholder name, or null when nothing was captured. */
    Map<String, String> captures() {
        return captures;
    }

    Map<String, String> capturesForWriting() {
        if (captures == null) {
            captures = new HashMap<>(4);
        }
        return captures;
    }

    boolean isEmpty() {
        return !byUri && headers == null && queries == null;
    }
}
