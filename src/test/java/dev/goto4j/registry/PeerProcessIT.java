package dev.goto4j.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goto4j.GotoOptions;
import dev.goto4j.testing.Eventually;
import dev.goto4j.testing.GotoProcess;
import dev.goto4j.testing.RunningGoto;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A peer started through the real CLI joins a registry, and leaves it on SIGTERM. */
class PeerProcessIT {

    @Test
    void peerJoinsAtStartUpAndLeavesOnSigterm() {
        try (RunningGoto registry = RunningGoto.start("registry")) {
            registry.post("/registry/peers/peer1/targets/add",
                    "{\"name\":\"t1\",\"url\":\"http://127.0.0.1:1/\"}");
            GotoProcess peer = GotoProcess.start("--label", "peer1", "--registry",
                    registry.url(""), "--locker", "true", "--address", "127.0.0.1");
            String address = "127.0.0.1:" + peer.port();

            Eventually.await("peer registered", () -> registry.get("/registry/peers").json()
                    .at("/peer1/pods").has(address));

            assertThat(registry.get("/registry/peers/peer1/health/" + address).body())
                    .isEqualTo("true");
            assertThat(peer.terminate()).isZero();
            assertThat(registry.get("/registry/peers").json().at("/peer1/pods").has(address))
                    .isFalse();
        }
    }

    @Test
    void peerJoinsARegistryThatComesUpAfterIt() throws IOException {
        int registryPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            registryPort = socket.getLocalPort();
        }
        try (GotoProcess peer = GotoProcess.start("--label", "late", "--registry",
                "http://127.0.0.1:" + registryPort, "--address", "127.0.0.1")) {
            Eventually.await("peer retried", () -> peer.logLines().stream()
                    .anyMatch(line -> line.contains("unreachable")));

            try (RunningGoto registry = RunningGoto.start(
                    GotoOptions.loopback(registryPort, "registry"))) {
                Eventually.await("late peer registered", () -> registry.get("/registry/peers")
                        .json().at("/late/pods").has("127.0.0.1:" + peer.port()));
            }
        }
    }
}
