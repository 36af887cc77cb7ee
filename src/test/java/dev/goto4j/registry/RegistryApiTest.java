package dev.goto4j.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.testing.Eventually;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryApiTest {

    private RunningGoto registry;
    private RecordingPeer peer;

    @BeforeEach
    void start() throws Exception {
        registry = RunningGoto.start("registry");
        peer = new RecordingPeer();
    }

    @AfterEach
    void stop() throws Exception {
        registry.close();
        peer.close();
    }

    private Reply register(String label, String address) {
        return registry.post("/registry/peers/add", "{\"name\":\"" + label
                + "\",\"namespace\":\"test\",\"pod\":\"pod-a\",\"address\":\"" + address + "\"}");
    }

    @Test
    void registrationAnswersTheTargetsJobsAndHeadersOfTheLabel() {
        registry.post("/registry/peers/peer1/targets/add",
                "{\"name\":\"t1\",\"url\":\"http://somewhere/foo\",\"autoInvoke\":true}");
        registry.post("/registry/peers/peer1/jobs/add", "{\"id\":\"job1\",\"task\":{}}");
        registry.put("/registry/peers/track/headers/x,y");

        Reply reply = register("peer1", peer.address());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/targets/0/name").asText()).isEqualTo("t1");
        assertThat(reply.json().at("/targets/0/autoInvoke").asBoolean()).isTrue();
        assertThat(reply.json().at("/jobs/0/id").asText()).isEqualTo("job1");
        assertThat(reply.json().get("trackingHeaders").asText()).isEqualTo("x,y");
    }

    @Test
    void listsPeersWithPodsAndEpochs() {
        register("peer1", peer.address());
        register("peer1", peer.address());

        JsonNode peers = registry.get("/registry/peers").json();

        JsonNode pod = peers.at("/peer1/pods").get(peer.address());
        assertThat(peers.at("/peer1/namespace").asText()).isEqualTo("test");
        assertThat(pod.get("name").asText()).isEqualTo("pod-a");
        assertThat(pod.get("healthy").asBoolean()).isTrue();
        assertThat(pod.at("/currentEpoch/epoch").asInt()).isEqualTo(1);
        assertThat(pod.get("pastEpochs").size()).isEqualTo(1);
        assertThat(pod.at("/currentEpoch/firstContact").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}(Z|[+-]\\d\\d:\\d\\d)");
    }

    @Test
    void addedTargetIsPushedToEveryInstanceOfTheLabel() {
        register("peer1", peer.address());

        Reply reply = registry.post("/registry/peers/peer1/targets/add",
                "{\"name\":\"t2\",\"url\":\"http://x\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("1 of 1 instances");
        assertThat(peer.calls()).anyMatch(c -> c.startsWith("POST /client/targets/add")
                && c.contains("\"name\":\"t2\""));
    }

    @Test
    void removalAndCommandsArePushedToo() {
        register("peer1", peer.address());
        registry.post("/registry/peers/peer1/targets/add", "{\"name\":\"t1\",\"url\":\"http://x\"}");
        registry.post("/registry/peers/peer1/jobs/add", "{\"id\":\"j1\",\"task\":{}}");

        registry.post("/registry/peers/peer1/targets/t1/invoke");
        registry.post("/registry/peers/peer1/jobs/j1/run");
        registry.post("/registry/peers/peer1/targets/t1/remove");

        assertThat(peer.calls()).contains("POST /client/targets/t1/invoke", "POST /jobs/j1/run",
                "POST /client/targets/t1/remove");
        assertThat(registry.get("/registry/peers/peer1/targets").json().size()).isZero();
    }

    @Test
    void unreachableInstanceIsMarkedUnhealthyWithoutHoldingUpOthers() {
        register("peer1", peer.address());
        register("peer1", "127.0.0.1:1");

        Reply reply = registry.post("/registry/peers/peer1/targets/add",
                "{\"name\":\"t1\",\"url\":\"http://x\"}");

        assertThat(reply.body()).contains("1 of 2 instances");
        assertThat(registry.get("/registry/peers").json()
                .at("/peer1/pods/127.0.0.1:1/healthy").asBoolean()).isFalse();
        Reply cleanup = registry.post("/registry/peers/health/cleanup");
        assertThat(cleanup.json().at("/peer1/0").asText()).isEqualTo("127.0.0.1:1");
        assertThat(registry.get("/registry/peers").json().at("/peer1/pods").size()).isEqualTo(1);
    }

    @Test
    void lockersKeepOneEntrySetPerInstance() {
        registry.post("/registry/peers/peer1/10.0.0.1:8080/locker/store/client", "{\"a\":1}");
        registry.post("/registry/peers/peer1/10.0.0.2:8080/locker/store/client", "{\"a\":2}");

        JsonNode lockers = registry.get("/registry/peer/lockers").json();

        assertThat(lockers.at("/peer1/10.0.0.1:8080/client/Data").asText()).isEqualTo("{\"a\":1}");
        assertThat(lockers.at("/peer1/10.0.0.2:8080/client/Data").asText()).isEqualTo("{\"a\":2}");
        assertThat(lockers.at("/peer1/10.0.0.1:8080/client/FirstReported").asText()).isNotEmpty();
        assertThat(registry.get("/registry/peer/peer1/locker").json().size()).isEqualTo(2);
    }

    @Test
    void lockedDataIsKeptUnderLastWhenNewDataArrives() {
        String base = "/registry/peers/peer1/10.0.0.1:8080/locker";
        registry.post(base + "/store/client", "first");
        registry.post(base + "/lock/client");

        registry.post(base + "/store/client", "second");

        JsonNode locker = registry.get(base).json();
        assertThat(locker.at("/client/Data").asText()).isEqualTo("second");
        assertThat(locker.at("/client_last/Data").asText()).isEqualTo("first");
    }

    @Test
    void clearsLockersAtEachLevel() {
        registry.post("/registry/peers/p1/10.0.0.1:1/locker/store/k", "v");
        registry.post("/registry/peers/p2/10.0.0.2:1/locker/store/k", "v");

        registry.post("/registry/peer/p1/locker/clear");

        assertThat(registry.get("/registry/peers/lockers").json().has("p1")).isFalse();
        registry.post("/registry/peers/lockers/clear");
        assertThat(registry.get("/registry/peers/lockers").json().size()).isZero();
    }

    @Test
    void summedResultsAddEveryInstancesClientCounts() {
        registry.post("/registry/peers/p1/10.0.0.1:1/locker/store/client",
                "{\"targetInvocationCounts\":{\"t1\":3},\"countsByStatusCodes\":{\"200\":3},"
                        + "\"countsByTargetStatusCode\":{\"t1\":{\"200\":3}}}");
        registry.post("/registry/peers/p2/10.0.0.2:1/locker/store/client",
                "{\"targetInvocationCounts\":{\"t1\":2},\"countsByStatusCodes\":{\"200\":1,\"503\":1},"
                        + "\"countsByTargetStatusCode\":{\"t1\":{\"200\":1,\"503\":1}}}");

        JsonNode summary = registry.get("/registry/peers/lockers/targets/results").json();
        JsonNode detailed = registry.get("/registry/peers/lockers/targets/results?detailed=Y").json();

        assertThat(summary.at("/targetInvocationCounts/t1").asLong()).isEqualTo(5);
        assertThat(summary.at("/countsByStatusCodes/200").asLong()).isEqualTo(4);
        assertThat(summary.has("countsByTargetStatusCode")).isFalse();
        assertThat(detailed.at("/countsByTargetStatusCode/t1/503").asLong()).isEqualTo(1);
    }

    @Test
    void deregisteredPeerIsGone() {
        register("peer1", peer.address());

        Reply reply = registry.post("/registry/peers/peer1/remove/" + peer.address());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(registry.get("/registry/peers").json().at("/peer1/pods").size()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/registry/peers/add|{\"name\":\"\",\"address\":\"1.1.1.1:80\"}|422",
            "/registry/peers/add|{\"name\":\"p\",\"address\":\"nowhere\"}|422",
            "/registry/peers/add|{\"name\":\"p\",\"address\":\"1.1.1.1:80\",\"x\":1}|422",
            "/registry/peers/add|{\"name\"|400",
            "/registry/peers/p1/targets/add|{\"url\":\"http://x\"}|422",
            "/registry/peers/p1/targets/add|[1,2]|422",
            "/registry/peers/p1/jobs/add|{\"task\":{}}|422",
            "/registry/peers/p1/targets/nope/remove||404",
            "/registry/peers/p1/remove/1.2.3.4:5||404",
            "/registry/peers/p1/1.2.3.4:5/locker/lock/k||404"})
    void rejectsBadInputAndChangesNothing(String path, String body, int status) {
        Reply reply = registry.post(path, body == null ? "" : body);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().get("problems")).isNotNull();
        assertThat(registry.get("/registry/peers").json().size()).isZero();
        assertThat(registry.get("/registry/peers/targets").json().size()).isZero();
        assertThat(registry.get("/registry/peers/jobs").json().size()).isZero();
    }

    @Test
    void peerAppliesWhatTheRegistryAnswersAndReportsToItsLocker() throws Exception {
        registry.post("/registry/peers/peer1/targets/add", "{\"name\":\"t1\",\"url\":\"http://x\"}");
        registry.put("/registry/peers/track/headers/foo");
        dev.goto4j.GotoOptions options = dev.goto4j.GotoOptions.loopback(0, "peer1")
                .withRegistry(registry.url(""), true);
        try (RecordingPeer self = new RecordingPeer()) {
            dev.goto4j.server.HostIdentity host = new dev.goto4j.server.HostIdentity("pod-1",
                    "local", "127.0.0.1");
            PeerAgent agent = new PeerAgent(registry.instance().vertx(), options, host, 9,
                    self.url());

            agent.start();

            Eventually.await("peer applies config", () -> self.calls().size() >= 2);
            assertThat(self.calls().get(0)).isEqualTo("PUT /client/track/headers/add/foo");
            assertThat(self.calls().get(1)).startsWith("POST /client/targets/add")
                    .contains("\"name\":\"t1\"");
            Eventually.await("locker report", () -> registry
                    .get("/registry/peers/peer1/127.0.0.1:9/locker").json().has("client"));
            agent.stop().toCompletionStage().toCompletableFuture().get();
            assertThat(registry.get("/registry/peers").json().at("/peer1/pods").size()).isZero();
        }
    }
}
