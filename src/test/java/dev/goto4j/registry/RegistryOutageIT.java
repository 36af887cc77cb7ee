package dev.goto4j.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.http.Json;
import dev.goto4j.testing.Eventually;
import dev.goto4j.testing.GotoProcess;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A peer whose registry is down when it starts, then comes up, then restarts: processes through
 * ./goto on a registry port fixed in advance. The peer reminds every 300 ms instead of 30 s so
 * the restart is noticed quickly. The tests run in order on one peer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryOutageIT {

    private static final Map<String, String> QUICK_REMINDERS = Map.of("GOTO_JAVA_OPTS",
            "-XX:+UseSerialGC -Xmx256m -Dgoto.peer.remindMillis=300");

    private final int registryPort = GotoProcess.freePort();
    private RunningGoto server;
    private GotoProcess peer;
    private GotoProcess registry;
    private String address;

    @BeforeAll
    void startPeerWithTheRegistryDown() {
        server = RunningGoto.start("server");
        int port = GotoProcess.freePort();
        address = "127.0.0.1:" + port;
        peer = GotoProcess.start(QUICK_REMINDERS, "--port", String.valueOf(port),
                "--label", "late", "--registry", "http://127.0.0.1:" + registryPort,
                "--locker", "true", "--address", address);
    }

    @AfterAll
    void stop() {
        peer.close();
        if (registry != null) {
            registry.close();
        }
        server.close();
    }

    @Test
    @Order(1)
    void peerServesWhileTheRegistryIsDownAndJoinsWhenItComesUp() {
        Eventually.await("peer retried", () -> peer.logLines().stream()
                .anyMatch(line -> line.contains("unreachable")));
        peer.post("/client/targets/add", "{\"name\":\"local\",\"url\":\"" + server.url("/echo")
                + "\",\"requestCount\":4,\"delay\":\"1ms\",\"autoInvoke\":true}");
        Eventually.await("traffic ran without a registry", () -> peer.get("/client/results")
                .json().at("/targetInvocationCounts/local").asLong() == 4);

        registry = startRegistry();

        Eventually.await("late peer registered", Duration.ofSeconds(40), () -> registry
                .get("/registry/peers").json().at("/late/pods").has(address));
        Eventually.await("results made while down reported", () -> lockedCount() == 4);
    }

    @Test
    @Order(2)
    void restartedRegistryLearnsThePeerAgainFromItsReminders() {
        Eventually.await("peer registered", () -> registry.get("/registry/peers").json()
                .at("/late/pods").has(address));
        registry.kill();

        registry = startRegistry();

        Eventually.await("peer registered again", () -> registry.get("/registry/peers").json()
                .at("/late/pods").has(address));
        JsonNode pod = registry.get("/registry/peers").json().at("/late/pods").get(address);
        assertThat(pod.get("healthy").asBoolean()).isTrue();
        assertThat(peer.get("/client/targets").json().at("/0/name").asText()).isEqualTo("local");
        Eventually.await("results reported again to the new registry", () -> lockedCount() == 4);
        assertThat(peer.get("/client/results").json().at("/targetInvocationCounts/local")
                .asLong()).isEqualTo(4);
    }

    private GotoProcess startRegistry() {
        return GotoProcess.start("--port", String.valueOf(registryPort), "--label", "registry");
    }

    /** The count of the locked first invocation in the peer's locker; -1 until it is there. */
    private long lockedCount() {
        Reply locker = registry.get("/registry/peers/late/" + address + "/locker");
        JsonNode entry = locker.status() == 200 ? locker.json().path("client_1")
                : Json.MAPPER.createObjectNode();
        if (!entry.path("Locked").asBoolean()) {
            return -1;
        }
        try {
            return Json.MAPPER.readTree(entry.path("Data").asText())
                    .at("/targetInvocationCounts/local").asLong();
        } catch (IOException e) {
            return -1;
        }
    }
}
