package dev.goto4j.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.http.Json;
import dev.goto4j.testing.Eventually;
import dev.goto4j.testing.GotoProcess;
import dev.goto4j.testing.RunningGoto;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The scenarios "Run dynamic traffic from K8s pods at startup" and "Capture results from
 * transient pods", with the registry and the peers started as processes through ./goto and
 * driven with the scenarios' calls. The traffic goes to a server in this JVM. The registry
 * process serves every test and is cleared after each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryScenariosIT {

    private GotoProcess registry;
    private RunningGoto server;

    @BeforeAll
    void startRegistryAndServer() {
        int port = GotoProcess.freePort();
        registry = GotoProcess.start("--port", String.valueOf(port), "--label", "registry");
        server = RunningGoto.start("server");
    }

    @AfterAll
    void stop() {
        registry.close();
        server.close();
    }

    @AfterEach
    void clearRegistry() {
        registry.post("/registry/peers/clear");
        registry.post("/registry/peers/targets/clear");
        registry.post("/registry/peers/jobs/clear");
        registry.post("/registry/peers/lockers/clear");
    }

    /** The target of the scenario, pointed at the test server. */
    private String scenarioTarget(String name, String path, int requestCount) {
        return "{\"name\":\"" + name + "\",\"method\":\"POST\",\"url\":\"" + server.url(path)
                + "\",\"headers\":[[\"x\",\"x1\"],[\"y\",\"y1\"]],"
                + "\"body\":\"{\\\"test\\\":\\\"this\\\"}\",\"replicas\":2,"
                + "\"requestCount\":" + requestCount + ",\"delay\":\"10ms\",\"sendID\":false,"
                + "\"autoInvoke\":true}";
    }

    private GotoProcess startPeer(String label, String... more) {
        int port = GotoProcess.freePort();
        String[] base = {"--port", String.valueOf(port), "--label", label,
                "--registry", registry.url(""), "--address", "127.0.0.1:" + port};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return GotoProcess.start(args);
    }

    /**
     * The first scenario, with the peer given its identity the way a Deployment gives it, by
     * the downward-API variables instead of --address.
     */
    @Test
    void peerRunsItsLabelsTrafficAtStartUpAndGetsLaterChangesPushed() {
        assertThat(registry.post("/registry/peers/peer1/targets/add",
                scenarioTarget("t1", "/foo", 5)).status()).isEqualTo(200);
        int port = GotoProcess.freePort();
        Map<String, String> downwardApi = Map.of("POD_IP", "127.0.0.1",
                "POD_NAME", "peer1-7d9f-x2k4p", "POD_NAMESPACE", "chaos");

        try (GotoProcess peer = GotoProcess.start(downwardApi, "--port", String.valueOf(port),
                "--label", "peer1", "--registry", registry.url(""))) {
            Eventually.await("t1 ran at start-up", () -> invocations(peer, "t1") == 10);
            JsonNode peers = registry.get("/registry/peers").json();
            assertThat(peers.at("/peer1/namespace").asText()).isEqualTo("chaos");
            assertThat(peers.at("/peer1/pods").get("127.0.0.1:" + port).get("name").asText())
                    .isEqualTo("peer1-7d9f-x2k4p");
            JsonNode targets = peer.get("/client/targets").json();
            assertThat(targets.at("/0/name").asText()).isEqualTo("t1");
            assertThat(targets.at("/0/autoInvoke").asBoolean()).isTrue();
            assertThat(peer.get("/client/results").json()
                    .at("/countsByTargetStatusCode/t1/200").asLong()).isEqualTo(10);

            registry.post("/registry/peers/peer1/targets/add", scenarioTarget("t2", "/bar", 3));
            registry.post("/registry/peers/peer1/jobs/add", "{\"id\":\"job1\",\"task\":{"
                    + "\"method\":\"GET\",\"url\":\"" + server.url("/echo") + "\"},"
                    + "\"auto\":true,\"count\":2,\"delay\":\"10ms\"}");

            Eventually.await("pushed t2 auto-invoked", () -> invocations(peer, "t2") == 6);
            Eventually.await("pushed job1 auto-run", () -> peer.get("/jobs/job1/results").json()
                    .at("/1").size() == 3);
            registry.post("/registry/peers/peer1/targets/t2/remove");
            registry.post("/registry/peers/peer1/jobs/job1/remove");
            assertThat(peer.get("/client/targets").json().findValuesAsText("name"))
                    .containsExactly("t1");
            assertThat(peer.get("/jobs").json().size()).isZero();
        }
    }

    @Test
    void transientPodsLeaveTheirResultsInSeparateLockers() {
        registry.post("/registry/peers/peer1/targets/add", scenarioTarget("t1", "/foo", 5));
        GotoProcess pod1 = startPeer("peer1", "--locker", "true");
        GotoProcess pod2 = startPeer("peer1", "--locker", "true");
        String address1 = "127.0.0.1:" + pod1.port();
        String address2 = "127.0.0.1:" + pod2.port();

        Eventually.await("both pods reported and locked", () -> {
            JsonNode locker = registry.get("/registry/peer/peer1/locker").json();
            return isLockedWith(locker.path(address1).path("client_1"), 10)
                    && isLockedWith(locker.path(address2).path("client_1"), 10);
        });
        JsonNode beforeKill = registry.get("/registry/peer/peer1/locker").json().get(address1);
        pod1.kill();
        assertThat(pod2.terminate()).isZero();

        JsonNode lockers = registry.get("/registry/peer/lockers").json();
        assertThat(lockers.at("/peer1").get(address1)).isEqualTo(beforeKill);
        assertThat(lockers.at("/peer1").get(address2).path("client").path("FirstReported")
                .asText()).isNotEmpty();
        assertThat(registry.get("/registry/peers").json().at("/peer1/pods").has(address2))
                .isFalse();
        JsonNode summed = registry.get("/registry/peers/lockers/targets/results").json();
        assertThat(summed.at("/peer1/targetInvocationCounts/t1").asLong()).isEqualTo(20);
        JsonNode detailed = registry.get("/registry/peers/lockers/targets/results?detailed=Y")
                .json();
        assertThat(detailed.at("/peer1/t1/countsByStatusCodes/200").asLong()).isEqualTo(20);

        assertThat(registry.post("/registry/peer/peer1/locker/clear").status()).isEqualTo(200);
        assertThat(registry.get("/registry/peer/peer1/locker").json().size()).isZero();
        registry.post("/registry/peers/peer1/127.0.0.1:1/locker/store/k", "v");
        assertThat(registry.post("/registry/peers/lockers/clear").status()).isEqualTo(200);
        assertThat(registry.get("/registry/peer/lockers").json().size()).isZero();
    }

    private static boolean isLockedWith(JsonNode entry, long count) {
        return entry.path("Locked").asBoolean()
                && parse(entry.path("Data").asText()).at("/targetInvocationCounts/t1").asLong()
                == count;
    }

    private static JsonNode parse(String data) {
        try {
            return Json.MAPPER.readTree(data);
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private static long invocations(GotoProcess peer, String target) {
        return peer.get("/client/results").json().at("/targetInvocationCounts/" + target).asLong();
    }
}
