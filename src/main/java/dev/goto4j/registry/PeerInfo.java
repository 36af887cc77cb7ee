package dev.goto4j.registry;

import dev.goto4j.http.ApiException;
import dev.goto4j.http.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a peer introduces itself to the registry: its label ({@code name}), namespace, pod name
 * and the {@code host:port} address the registry calls it back on.
 */
public record PeerInfo(String name, String namespace, String pod, String address) {

    /** A host name, IPv4 address or bracketed IPv6 address, then a port. */
    private static final Pattern ADDRESS =
            Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[^\\s/:\\[\\]@?#]+):(\\d{1,5})");

    public PeerInfo {
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.contains("/")) {
            problems.add(Problem.of("name", name, "the peer's label, without '/'"));
        }
        if (!isAddress(address)) {
            problems.add(Problem.of("address", address, "host:port"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("invalid peer", problems);
        }
        namespace = namespace == null || namespace.isBlank() ? "local" : namespace;
        pod = pod == null ? "" : pod;
    }

    /** Whether {@code text} is {@code host:port} with a port from 1 to 65535. */
    public static boolean isAddress(String text) {
        if (text == null) {
            return false;
        }
        Matcher m = ADDRESS.matcher(text);
        if (!m.matches()) {
            return false;
        }
        int port = Integer.parseInt(m.group(2));
        return port >= 1 && port <= 65535;
    }
}
