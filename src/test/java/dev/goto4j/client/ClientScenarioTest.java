package dev.goto4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.testing.Eventually;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The first scenario: targets on three servers, invoked and stopped in combination. */
class ClientScenarioTest {

    private static RunningGoto client;
    private static RunningGoto server1;
    private static RunningGoto server2;
    private static RunningGoto server3;

    @BeforeAll
    static void start() {
        client = RunningGoto.start("Client");
        server1 = RunningGoto.start("Server8081");
        server2 = RunningGoto.start("Server8082");
        server3 = RunningGoto.start("Server8083");
    }

    @AfterAll
    static void stop() {
        for (RunningGoto instance : new RunningGoto[] {client, server1, server2, server3}) {
            instance.close();
        }
    }

    @Test
    void runsStopsAndCountsTargetsAsTheFirstScenarioDoes() {
        assertThat(client.post("/client/targets/clear").body().trim()).isEqualTo("Targets cleared");
        Reply added = client.post("/client/targets/add", """
                {"name": "target1", "method": "POST", "url": "%s",
                 "headers": [["x", "x1"], ["y", "y1"]], "body": "{\\"test\\":\\"this\\"}",
                 "replicas": 2, "requestCount": 100000, "delay": "5ms", "sendID": true}"""
                .formatted(server1.url("/some/api")));
        client.post("/client/targets/add", """
                {"name": "target2", "method": "PUT", "url": "%s",
                 "headers": [["x", "x2"], ["y", "y2"]], "body": "{\\"some\\":\\"thing\\"}",
                 "replicas": 1, "requestCount": 100000, "delay": "5ms", "sendID": true}"""
                .formatted(server2.url("/status/503")));
        client.post("/client/track/headers/clear");
        Reply tracked = client.put("/client/track/headers/add/x,y,z,foo,Via-Goto,goto-host");
        Reply nonBlocking = client.put("/client/blocking/set/N");

        Reply invoked = client.post("/client/targets/invoke/all");
        client.post("/client/targets/add", """
                {"name": "target3", "method": "OPTIONS", "url": "%s",
                 "headers": [["foo", "bar1"], ["x", "x1"], ["y", "y1"]],
                 "replicas": 3, "requestCount": 20, "delay": "0s", "sendID": true}"""
                .formatted(server3.url("/foo")));
        Reply invoked3 = client.post("/client/targets/target3/invoke");
        Eventually.await("traffic to target1 and target2", () ->
                count(client.get("/client/results").json(), "/targetInvocationCounts/target1") > 0
                && count(client.get("/client/results").json(),
                        "/targetInvocationCounts/target2") > 0);
        Reply stopped = client.post("/client/targets/target1,target2/stop");
        Eventually.await("no active targets", () ->
                client.get("/client/targets/active").json().get("activeCount").asInt() == 0);

        assertThat(added.body().trim()).isEqualTo("Added target: {\"name\":\"target1\","
                + "\"method\":\"POST\",\"url\":\"" + server1.url("/some/api") + "\","
                + "\"headers\":[[\"x\",\"x1\"],[\"y\",\"y1\"]],\"body\":\"{\\\"test\\\":\\\"this\\\"}\","
                + "\"bodyReader\":null,\"replicas\":2,\"requestCount\":100000,\"delay\":\"5ms\","
                + "\"keepOpen\":\"\",\"sendID\":true}");
        assertThat(tracked.body().trim()).isEqualTo("Header x,y,z,foo,Via-Goto,goto-host will be tracked");
        assertThat(nonBlocking.body().trim()).isEqualTo("Invocation will not block for results");
        assertThat(invoked.body().trim()).isEqualTo("Targets invoked");
        assertThat(invoked3.body().trim()).isEqualTo("Targets invoked");
        assertThat(stopped.body().trim()).isEqualTo("Targets stopped");

        JsonNode results = client.get("/client/results").json();
        long target1 = count(results, "/targetInvocationCounts/target1");
        long target2 = count(results, "/targetInvocationCounts/target2");
        assertThat(target1).isBetween(1L, 199_999L);
        assertThat(target2).isBetween(1L, 99_999L);
        assertThat(count(results, "/targetInvocationCounts/target3")).isEqualTo(60);
        assertThat(count(results, "/countsByTargetStatus/target1/200 OK")).isEqualTo(target1);
        assertThat(count(results, "/countsByTargetStatus/target2/503 Service Unavailable"))
                .isEqualTo(target2);
        assertThat(count(results, "/countsByTargetStatusCode/target3/200")).isEqualTo(60);
        assertThat(count(results, "/countsByStatusCodes/200")).isEqualTo(target1 + 60);
        assertThat(count(results, "/countsByStatusCodes/503")).isEqualTo(target2);
        assertThat(count(results, "/countsByHeaders/via-goto")).isEqualTo(target1 + target2 + 60);
        assertThat(count(results, "/countsByHeaderValues/via-goto/Server8081")).isEqualTo(target1);
        assertThat(count(results, "/countsByHeaderValues/via-goto/Server8082")).isEqualTo(target2);
        assertThat(count(results, "/countsByTargetHeaderValues/target3/via-goto/Server8083"))
                .isEqualTo(60);
        assertThat(count(results, "/countsByTargetHeaders/target2/goto-host")).isEqualTo(target2);
        assertThat(results.at("/countsByHeaders").has("x")).isFalse();
        assertThat(sum(results.get("targetInvocationCounts")))
                .isEqualTo(sum(results.get("countsByStatusCodes")));
    }

    private static long count(JsonNode node, String pointer) {
        return node.at(pointer).asLong();
    }

    private static long sum(JsonNode object) {
        long total = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            total += it.next().getValue().asLong();
        }
        return total;
    }
}
