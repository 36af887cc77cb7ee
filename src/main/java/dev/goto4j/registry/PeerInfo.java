package dev.goto4j.registry;

import dev.goto4j.http.ApiException;
import dev.goto4j.http.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * How a peer introduces itself to the registry: its label ({@code name}), namespace, pod name
 * and the {@code host:port} address the registry calls it back on.
 */
public record PeerInfo(String name, String namespace, String pod, String address) {

    public PeerInfo {
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(Problem.of("name", name, "the peer's label"));
        }
        if (address == null || !address.matches("[^\\s/:]+:\\d{1,5}")) {
            problems.add(Problem.of("address", address, "host:port"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("invalid peer", problems);
        }
        namespace = namespace == null || namespace.isBlank() ? "local" : namespace;
        pod = pod == null ? "" : pod;
    }
}
