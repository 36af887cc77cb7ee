package dev.goto4j.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.http.Json;
import dev.goto4j.testing.Eventually;
import dev.goto4j.testing.GotoProcess;
import dev.goto4j.testing.RunningGoto;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The scenarios "Run dynamic traffic from K8s pods at startup" and "Capture results from
 * transient pods": a registry, a server and peers started through the real CLI.
 */
class RegistryScenariosIT {

    private static String target(String name, String url, int replicas, int count) {
        return "{\"name\":\"" + name + "\",\"method\":\"POST\",\"url\":\"" + url + "\","
                + "\"headers\":[[\"x\",\"x1\"]],\"body\":\"{\\\"test\\\":\\\"this\\\"}\","
                + "\"replicas\":" + replicas + ",\"requestCount\":" + count
                + ",\"delay\":\"10ms\",\"sendID\":false,\"autoInvoke\":true}";
    }

    @Test
    void peerRunsItsLabelsTrafficAtStartUpAndGetsLaterChangesPushed() {
        try (RunningGoto registry = RunningGoto.start("registry");
             RunningGoto server = RunningGoto.start("server")) {
            registry.post("/registry/peers/peer1/targets/add",
                    target("t1", server.url("/foo"), 2, 5));

            try (GotoProcess peer = GotoProcess.start("--label", "peer1", "--registry",
                    registry.url(""), "--address", "127.0.0.1")) {
                Eventually.await("t1 ran at start-up", () -> invocations(peer, "t1") == 10);

                assertThat(peer.get("/client/targets").json().toString()).contains("\"t1\"");

                registry.post("/registry/peers/peer1/targets/add",
                        target("t2", server.url("/bar"), 1, 3));
                Eventually.await("pushed t2 auto-invoked", () -> invocations(peer, "t2") == 3);

                registry.post("/registry/peers/peer1/targets/t2/remove");
                assertThat(peer.get("/client/targets").json().toString()).doesNotContain("\"t2\"");
            }
        }
    }

    @Test
    void transientPodsLeaveTheirResultsInSeparateLockers() throws IOException {
        try (RunningGoto registry = RunningGoto.start("registry");
             RunningGoto server = RunningGoto.start("server")) {
            registry.post("/registry/peers/peer1/targets/add",
                    target("t1", server.url("/foo"), 2, 5));
            GotoProcess pod1 = GotoProcess.start("--label", "peer1", "--registry",
                    registry.url(""), "--locker", "true", "--address", "127.0.0.1");
            GotoProcess pod2 = GotoProcess.start("--label", "peer1", "--registry",
                    registry.url(""), "--locker", "true", "--address", "127.0.0.1");
            String address1 = "127.0.0.1:" + pod1.port();
            String address2 = "127.0.0.1:" + pod2.port();

            Eventually.await("both pods reported", () -> {
                JsonNode locker = registry.get("/registry/peer/peer1/locker").json();
                return lockedCount(locker, address1) == 10 && lockedCount(locker, address2) == 10;
            });
            pod1.kill();
            pod2.close();

            JsonNode lockers = registry.get("/registry/peer/lockers").json();
            assertThat(lockers.at("/peer1").has(address1)).isTrue();
            assertThat(lockers.at("/peer1").get(address2).get("client").get("FirstReported")
                    .asText()).isNotEmpty();
            JsonNode summed = registry.get("/registry/peers/lockers/targets/results").json();
            assertThat(summed.at("/peer1/targetInvocationCounts/t1").asLong()).isEqualTo(20);
            JsonNode detailed = registry.get("/registry/peers/lockers/targets/results?detailed=Y")
                    .json();
            assertThat(detailed.at("/peer1/t1/countsByStatusCodes/200").asLong()).isEqualTo(20);
        }
    }

    private static long invocations(GotoProcess peer, String target) {
        return peer.get("/client/results").json().at("/targetInvocationCounts/" + target).asLong();
    }

    private static long lockedCount(JsonNode locker, String address) {
        JsonNode data = locker.path(address).path("client").path("Data");
        if (data.isMissingNode()) {
            return 0;
        }
        try {
            return Json.MAPPER.readTree(data.asText()).at("/targetInvocationCounts/t1").asLong();
        } catch (IOException e) {
            return 0;
        }
    }
}
