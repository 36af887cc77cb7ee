package dev.goto4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.testing.Eventually;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientApiTest {

    private static RunningGoto client;
    private static RunningGoto server;

    @BeforeAll
    static void start() {
        client = RunningGoto.start("Client");
        server = RunningGoto.start("Server");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @BeforeEach
    void reset() {
        client.post("/client/targets/stop/all");
        Eventually.await("no active targets", () ->
                client.get("/client/targets/active").json().get("activeCount").asInt() == 0);
        client.post("/client/targets/clear");
        client.post("/client/results/clear");
        client.post("/client/track/headers/clear");
        client.put("/client/blocking/set/y");
    }

    @Test
    void blockingInvokeAnswersWithTheInvocationResults() {
        addTarget("t1", server.url("/echo"), 4, 25, "0s");

        Reply reply = client.post("/client/targets/t1/invoke");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode invocation = reply.json();
        assertThat(invocation.get("invocationIndex").asInt()).isEqualTo(1);
        assertThat(invocation.get("finished").asBoolean()).isTrue();
        assertThat(invocation.at("/results/targetInvocationCounts/t1").asLong()).isEqualTo(100);
        assertThat(invocation.at("/status/t1/completedRequestCount").asLong()).isEqualTo(100);
    }

    @Test
    void countsAreExactUnderConcurrentInvocations() {
        client.put("/client/track/headers/add/Via-Goto");
        addTarget("t1", server.url("/echo"), 8, 50, "0s");
        addTarget("t2", server.url("/status/502"), 8, 50, "0s");
        client.put("/client/blocking/set/n");

        for (int i = 0; i < 3; i++) {
            client.post("/client/targets/invoke/all");
        }
        Eventually.await("all invocations finished", () ->
                client.get("/client/targets/active").json().get("activeCount").asInt() == 0);

        JsonNode results = client.get("/client/results").json();
        assertThat(results.at("/targetInvocationCounts/t1").asLong()).isEqualTo(1200);
        assertThat(results.at("/targetInvocationCounts/t2").asLong()).isEqualTo(1200);
        assertThat(results.at("/countsByStatusCodes/200").asLong()).isEqualTo(1200);
        assertThat(results.at("/countsByStatus/502 Bad Gateway").asLong()).isEqualTo(1200);
        assertThat(results.at("/countsByHeaderValues/via-goto/Server").asLong()).isEqualTo(2400);
        assertThat(results.at("/latencyMillis/count").asLong()).isEqualTo(2400);
        JsonNode invocations = client.get("/client/results/invocations").json();
        assertThat(invocations.fieldNames()).toIterable().containsExactly("1", "2", "3");
        assertThat(invocations.at("/3/results/countsByStatusCodes/502").asLong()).isEqualTo(400);
    }

    @Test
    void refusedConnectionCountsUnderZeroWithItsErrorText() {
        int closedPort = freePort();
        addTarget("down", "http://127.0.0.1:" + closedPort + "/x", 1, 1, "0s");

        client.post("/client/targets/down/invoke");

        JsonNode results = client.get("/client/results").json();
        assertThat(results.at("/countsByStatusCodes/0").asLong()).isEqualTo(1);
        assertThat(results.at("/targetInvocationCounts/down").asLong()).isEqualTo(1);
        String errorText = results.get("countsByStatus").fieldNames().next();
        assertThat(errorText).startsWith("Get \"http://127.0.0.1:" + closedPort + "/x\": ");
    }

    @Test
    void retriesRetriableStatusesAndCountsTheFinalOutcomeOnce() {
        client.post("/client/targets/add", """
                {"name": "r", "url": "%s", "retries": 2, "retryDelay": "1ms",
                 "retriableStatusCodes": [503]}""".formatted(server.url("/status/503")));

        client.post("/client/targets/r/invoke");

        JsonNode results = client.get("/client/results").json();
        assertThat(results.at("/targetInvocationCounts/r").asLong()).isEqualTo(1);
        assertThat(results.at("/countsByStatusCodes/503").asLong()).isEqualTo(1);
    }

    @Test
    void stoppedTargetEndsWhileAnotherKeepsRunning() {
        addTarget("slow", server.url("/echo"), 1, 1_000_000, "5ms");
        addTarget("other", server.url("/echo"), 1, 1_000_000, "5ms");
        client.put("/client/blocking/set/n");
        client.post("/client/targets/invoke/all");

        Reply stopped = client.post("/client/targets/slow/stop");

        assertThat(stopped.status()).isEqualTo(200);
        Eventually.await("slow stopped", () ->
                !client.get("/client/targets/active").json().at("/activeInvocations").has("slow"));
        JsonNode active = client.get("/client/targets/active").json();
        assertThat(active.get("activeCount").asInt()).isEqualTo(1);
        assertThat(active.at("/activeInvocations/other/1/stopRequested").asBoolean()).isFalse();
    }

    @Test
    void stopEndsAReplicaWaitingOutItsDelayAtOnce() {
        addTarget("paused", server.url("/echo"), 2, 5, "1h");
        client.put("/client/blocking/set/n");
        client.post("/client/targets/paused/invoke");
        Eventually.await("first round sent", () -> client.get("/client/results").json()
                .at("/targetInvocationCounts/paused").asLong() == 2);

        client.post("/client/targets/paused/stop");

        Eventually.await("paused target stopped", () ->
                client.get("/client/targets/active").json().get("activeCount").asInt() == 0);
        JsonNode invocation = client.get("/client/results/invocations").json().get("1");
        assertThat(invocation.get("finished").asBoolean()).isTrue();
        assertThat(invocation.at("/status/paused/stopped").asBoolean()).isTrue();
        assertThat(invocation.at("/results/targetInvocationCounts/paused").asLong()).isEqualTo(2);
    }

    @Test
    void stopEndsATargetStillInItsInitialDelay() {
        client.post("/client/targets/add", """
                {"name": "later", "url": "%s", "initialDelay": "1h"}"""
                .formatted(server.url("/echo")));
        client.put("/client/blocking/set/n");
        client.post("/client/targets/later/invoke");

        client.post("/client/targets/stop/all");

        Eventually.await("delayed target stopped", () ->
                client.get("/client/targets/active").json().get("activeCount").asInt() == 0);
        assertThat(client.get("/client/results").json().get("targetInvocationCounts").size())
                .isZero();
    }

    @Test
    void aTargetNamedTwiceInOneInvokeRunsOnce() {
        addTarget("t1", server.url("/echo"), 2, 3, "0s");

        JsonNode results = client.post("/client/targets/t1,t1/invoke").json().get("results");

        assertThat(results.at("/targetInvocationCounts/t1").asLong()).isEqualTo(6);
        assertThat(results.at("/countsByStatusCodes/200").asLong()).isEqualTo(6);
    }

    @Test
    void retriesRefusedConnectionsAndCountsTheFailureOnce() {
        client.post("/client/targets/add", """
                {"name": "gone", "url": "http://127.0.0.1:%d/", "retries": 2,
                 "retryDelay": "1ms"}""".formatted(freePort()));

        JsonNode results = client.post("/client/targets/gone/invoke").json().get("results");

        assertThat(results.at("/targetInvocationCounts/gone").asLong()).isEqualTo(1);
        assertThat(results.at("/countsByStatusCodes/0").asLong()).isEqualTo(1);
        assertThat(results.at("/countsByTargetStatus/gone").size()).isEqualTo(1);
    }

    @Test
    void clearingResultsRestartsInvocationNumbering() {
        addTarget("t1", server.url("/echo"), 1, 1, "0s");
        client.post("/client/targets/t1/invoke");
        client.post("/client/targets/t1/invoke");

        client.post("/client/results/clear");
        Reply reply = client.post("/client/targets/t1/invoke");

        assertThat(reply.json().get("invocationIndex").asInt()).isEqualTo(1);
        assertThat(client.get("/client/results").json().at("/targetInvocationCounts/t1").asLong())
                .isEqualTo(1);
    }

    @Test
    void autoInvokeTargetStartsWhenAdded() {
        client.post("/client/targets/add", """
                {"name": "auto", "url": "%s", "requestCount": 3, "delay": "0s",
                 "autoInvoke": true}""".formatted(server.url("/echo")));

        Eventually.await("auto target finished", () -> client.get("/client/results").json()
                .at("/targetInvocationCounts/auto").asLong() == 3);
    }

    @Test
    void aFreshInstanceAnswersEmptyResultsWithEveryField() {
        try (RunningGoto fresh = RunningGoto.start("fresh")) {
            JsonNode results = fresh.get("/client/results").json();

            assertThat(results.fieldNames()).toIterable().containsExactly(
                    "targetInvocationCounts", "targetFirstResponses", "targetLastResponses",
                    "countsByStatus", "countsByStatusCodes", "countsByHeaders",
                    "countsByHeaderValues", "countsByTargetStatus", "countsByTargetStatusCode",
                    "countsByTargetHeaders", "countsByTargetHeaderValues", "latencyMillis",
                    "targetLatencyMillis");
            results.fields().forEachRemaining(field ->
                    assertThat(field.getValue().isObject()).as(field.getKey()).isTrue());
            assertThat(results.get("countsByStatus").size()).isZero();
            assertThat(results.at("/latencyMillis/count").asLong()).isZero();
            assertThat(fresh.get("/client/results/invocations").json().size()).isZero();
            assertThat(fresh.get("/client/targets/active").json().get("activeCount").asInt())
                    .isZero();
            assertThat(fresh.get("/client/targets").json().isArray()).isTrue();
        }
    }

    @Test
    void aTimedOutRequestCountsUnderZeroWithItsErrorText() {
        try (RunningGoto slow = RunningGoto.start("slow")) {
            slow.put("/response/delay/set/5s");
            client.post("/client/targets/add", """
                    {"name": "late", "url": "%s", "requestTimeout": "200ms"}"""
                    .formatted(slow.url("/late")));

            JsonNode results = client.post("/client/targets/late/invoke").json().get("results");

            assertThat(results.at("/countsByStatusCodes/0").asLong()).isEqualTo(1);
            assertThat(results.get("countsByStatus").fieldNames().next())
                    .startsWith("Get \"" + slow.url("/late") + "\": ").contains("timeout");
        }
    }

    @Test
    void tracksHeadersInLowerCase() {
        client.put("/client/track/headers/add/Via-Goto,X");
        client.put("/client/track/headers/remove/x");

        assertThat(client.get("/client/track/headers").body().trim()).isEqualTo("via-goto");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"url\":\"http://a/\"}|name",
        "{\"name\":\"t\",\"url\":\"nota url\"}|url",
        "{\"name\":\"t\",\"url\":\"ftp://a/\"}|url",
        "{\"name\":\"t\",\"url\":\"http://a/\",\"method\":\"FETCH\"}|method",
        "{\"name\":\"t\",\"url\":\"http://a/\",\"delay\":\"soon\"}|delay",
        "{\"name\":\"t\",\"url\":\"http://a/\",\"requestTimeout\":\"-5s\"}|requestTimeout",
        "{\"name\":\"t\",\"url\":\"http://a/\",\"replicas\":-1}|replicas",
        "{\"name\":\"t\",\"url\":\"http://a/\",\"requestCount\":-2}|requestCount",
        "{\"name\":\"t\",\"url\":\"http://a/\",\"protocol\":\"HTTP/3\"}|protocol",
        "{\"name\":\"t\",\"url\":\"http://a/\",\"replicas\":\"two\"}|replicas",
        "{\"name\":\"t\",\"url\":\"http://a/\",\"colour\":\"red\"}|colour",
        "null|body",
    })
    void rejectsBadTargetAndKeepsTheList(String body, String field) {
        addTarget("kept", server.url("/echo"), 1, 1, "0s");

        Reply reply = client.post("/client/targets/add", body);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo(field);
        JsonNode targets = client.get("/client/targets").json();
        assertThat(targets.size()).isEqualTo(1);
        assertThat(targets.at("/0/name").asText()).isEqualTo("kept");
    }

    @Test
    void rejectsMalformedJson() {
        Reply reply = client.post("/client/targets/add", "{\"name\": ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(client.get("/client/targets").json().size()).isZero();
    }

    @Test
    void invokingUnknownTargetsNamesThemAndStartsNothing() {
        addTarget("t1", server.url("/echo"), 1, 1, "0s");

        Reply reply = client.post("/client/targets/t1,nope,gone/invoke");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/problems/0/value").asText()).isEqualTo("nope,gone");
        assertThat(client.get("/client/results/invocations").json().size()).isZero();
    }

    @Test
    void stoppingUnknownTargetIsNotFound() {
        Reply reply = client.post("/client/targets/nope/stop");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/problems/0/value").asText()).isEqualTo("nope");
    }

    @Test
    void rejectsUnknownBlockingFlag() {
        Reply reply = client.put("/client/blocking/set/maybe");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(client.get("/client/blocking").json().get("blocking").asBoolean()).isTrue();
    }

    @Test
    void removesTargetsBySingularPath() {
        addTarget("t1", server.url("/echo"), 1, 1, "0s");
        addTarget("t2", server.url("/echo"), 1, 1, "0s");

        Reply reply = client.post("/client/target/t1/remove");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(client.get("/client/targets/list").json().at("/0/name").asText())
                .isEqualTo("t2");
    }

    private static void addTarget(String name, String url, int replicas, int requestCount,
                                  String delay) {
        Reply reply = client.post("/client/targets/add", """
                {"name": "%s", "url": "%s", "replicas": %d, "requestCount": %d,
                 "delay": "%s"}""".formatted(name, url, replicas, requestCount, delay));
        assertThat(reply.status()).isEqualTo(200);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
