package dev.goto4j.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.Map;

/**
 * Copies headers from one message to the next hop, leaving out those that describe one
 * connection rather than the message (RFC 9110, section 7.6.1): Connection and the headers it
 * names, Keep-Alive, Proxy-*, TE, Trailer, Transfer-Encoding and Upgrade.
 */
final class HopByHop {

    private HopByHop() {
    }

    /**
     * Adds every end-to-end header of {@code from} to {@code to}, except those named in
     * {@code skip} (lower case). One pass over the headers; allocates nothing when the
     * {@code Connection} header names no extra headers.
     */
    static void copy(MultiMap from, MultiMap to, String[] skip) {
        String[] listed = listedInConnection(from.get(HttpHeaders.CONNECTION));
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (!isHopByHop(name) && !isIn(name, skip) && !isIn(name, listed)) {
                to.add(name, header.getValue());
            }
        }
    }

    static boolean isHopByHop(String name) {
        switch (name.length()) {
            case 2:
                return name.equalsIgnoreCase("te");
            case 7:
                return name.equalsIgnoreCase("trailer") || name.equalsIgnoreCase("upgrade");
            case 10:
                return name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
            case 17:
                return name.equalsIgnoreCase("transfer-encoding");
            default:
                return name.length() > 6 && name.regionMatches(true, 0, "proxy-", 0, 6);
        }
    }

    private static boolean isIn(String name, String[] names) {
        if (names == null) {
            return false;
        }
        for (String candidate : names) {
            if (candidate.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The header names a Connection value lists besides close and keep-alive, or null. */
    private static String[] listedInConnection(String connection) {
        if (connection == null || connection.equalsIgnoreCase("close")
                || connection.equalsIgnoreCase("keep-alive")) {
            return null;
        }
        return java.util.Arrays.stream(connection.split(","))
                .map(String::trim)
                .filter(token -> !token.isEmpty() && !token.equalsIgnoreCase("close")
                        && !token.equalsIgnoreCase("keep-alive"))
                .toArray(String[]::new);
    }
}
