package dev.goto4j.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.GotoOptions;
import dev.goto4j.http.Json;
import dev.goto4j.server.HostIdentity;
import dev.goto4j.testing.Eventually;
import dev.goto4j.testing.RunningGoto;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A peer in this JVM joining a registry: what it applies from the registry's answer and how it
 * reports to its locker. The traffic goes to the registry's own echo endpoint. The tests share
 * one peer and run in order: the later invocation comes after the start-up one was reported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeerAgentTest {

    private RunningGoto registry;
    private RunningGoto peer;
    private String locker;

    @BeforeAll
    void startRegistryThenPeer() {
        registry = RunningGoto.start("registry");
        registry.put("/registry/peers/track/headers/Via-Goto");
        registry.post("/registry/peers/peer1/targets/add", "{\"name\":\"t1\",\"url\":\""
                + registry.url("/echo") + "\",\"requestCount\":5,\"delay\":\"1ms\","
                + "\"autoInvoke\":true}");
        registry.post("/registry/peers/peer1/jobs/add", "{\"id\":\"j1\",\"task\":{\"url\":\""
                + registry.url("/echo") + "\"},\"auto\":true,\"count\":2,\"delay\":\"1ms\"}");
        peer = RunningGoto.start(GotoOptions.loopback(0, "peer1")
                .withRegistry(registry.url(""), true).withAddress("127.0.0.1"));
        locker = "/registry/peers/peer1/127.0.0.1:" + peer.port() + "/locker";
    }

    @AfterAll
    void stop() {
        peer.close();
        registry.close();
    }

    @Test
    @Order(1)
    void appliesTheTrackedHeadersTargetsAndJobsTheRegistryAnswers() {
        Eventually.await("t1 auto-invoked", () -> peer.get("/client/results").json()
                .at("/targetInvocationCounts/t1").asLong() == 5);

        assertThat(peer.get("/client/track/headers").body().trim()).isEqualToIgnoringCase("via-goto");
        assertThat(peer.get("/client/targets").json().at("/0/name").asText()).isEqualTo("t1");
        assertThat(peer.get("/jobs").json().at("/0/id").asText()).isEqualTo("j1");
        assertThat(peer.get("/client/results").json().at("/countsByHeaders/via-goto").asLong())
                .isEqualTo(5);
    }

    @Test
    @Order(2)
    void reportsFinishedInvocationsAndJobRunsAndLocksThem() {
        Eventually.await("client_1 locked", () -> entry("client_1").path("Locked").asBoolean());
        Eventually.await("job run locked", () -> entry("job_j1_1").path("Locked").asBoolean());
        Eventually.await("summary locked", () -> entry("client").path("Locked").asBoolean());

        assertThat(data("client_1").at("/targetInvocationCounts/t1").asLong()).isEqualTo(5);
        assertThat(data("client").at("/targetInvocationCounts/t1").asLong()).isEqualTo(5);
        assertThat(data("job_j1_1").size()).isEqualTo(3);
        assertThat(data("job_j1_1").at("/2/finished").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void reportsTheSameJsonAsThePeersOwnResultsApi() {
        Eventually.await("client_1 locked", () -> entry("client_1").path("Locked").asBoolean());
        Eventually.await("job run locked", () -> entry("job_j1_1").path("Locked").asBoolean());
        Eventually.await("summary locked", () -> entry("client").path("Locked").asBoolean());

        assertThat(data("client_1"))
                .isEqualTo(peer.get("/client/results/invocations").json().at("/1/results"));
        assertThat(data("job_j1_1")).isEqualTo(peer.get("/jobs/results").json().at("/j1/1"));
        assertThat(data("client")).isEqualTo(peer.get("/client/results").json());
    }

    @Test
    @Order(4)
    void aLaterInvocationGetsItsOwnKeyAndKeepsTheLockedSummaryAsLast() {
        Eventually.await("summary locked", () -> entry("client").path("Locked").asBoolean());

        registry.post("/registry/peers/peer1/targets/t1/invoke");

        Eventually.await("client_2 locked", () -> entry("client_2").path("Locked").asBoolean());
        Eventually.await("summary of both", () -> entry("client").path("Locked").asBoolean()
                && data("client").at("/targetInvocationCounts/t1").asLong() == 10);
        assertThat(data("client_last").at("/targetInvocationCounts/t1").asLong()).isEqualTo(5);
        assertThat(data("client_2").at("/targetInvocationCounts/t1").asLong()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "10.1.2.3:9000|10.1.2.3:9000",
            "10.1.2.3|10.1.2.3:8080",
            "peer.example|peer.example:8080",
            "fd00::1|[fd00::1]:8080",
            "[fd00::1]:9000|[fd00::1]:9000",
            "null|192.0.2.9:8080",
            "''|192.0.2.9:8080"})
    void advertisesTheGivenAddressElseTheHostIpWithTheListenerPort(String flag, String expected) {
        HostIdentity host = new HostIdentity("pod-1", "ns", "192.0.2.9");

        assertThat(PeerAgent.advertisedAddress(flag, host, 8080)).isEqualTo(expected);
    }

    @Test
    void advertisesABareIpv6PodIpInBrackets() {
        HostIdentity host = new HostIdentity("pod-1", "ns", "fd00::7");

        assertThat(PeerAgent.advertisedAddress(null, host, 8080)).isEqualTo("[fd00::7]:8080");
    }

    private JsonNode entry(String key) {
        return registry.get(locker).json().path(key);
    }

    private JsonNode data(String key) {
        try {
            return Json.MAPPER.readTree(entry(key).path("Data").asText());
        } catch (IOException e) {
            throw new AssertionError("locker data of " + key + " is not JSON", e);
        }
    }
}
