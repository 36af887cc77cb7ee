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

/**
 * The first scenario as written: two targets on servers forced to answer 502 and 503 twenty
 * times, a third added and invoked while they run, the first two stopped, then the results.
 * The scenario's 200ms delay is shortened to 50ms so the test takes seconds; the targets still
 * run far longer than the test lets them before they are stopped.
 */
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
        // Custom response headers to track, as the scenario's servers send them.
        server1.put("/response/headers/add/x/x1");
        server1.put("/response/headers/add/y/y1");
        server2.put("/response/headers/add/x/x2");
        server2.put("/response/headers/add/y/y2");
        server3.put("/response/headers/add/foo/bar1");
        assertThat(client.post("/client/targets/clear").body().trim()).isEqualTo("Targets cleared");
        Reply added = client.post("/client/targets/add", """
                {"name": "target1", "method": "POST", "url": "%s",
                 "headers": [["x", "x1"], ["y", "y1"]], "body": "{\\"test\\":\\"this\\"}",
                 "replicas": 2, "requestCount": 200, "delay": "50ms", "sendID": true}"""
                .formatted(server1.url("/some/api")));
        client.post("/client/targets/add", """
                {"name": "target2", "method": "PUT", "url": "%s",
                 "headers": [["x", "x2"], ["y", "y2"]], "body": "{\\"some\\":\\"thing\\"}",
                 "replicas": 1, "requestCount": 200, "delay": "50ms", "sendID": true}"""
                .formatted(server2.url("/another/api")));
        Reply cleared = client.post("/client/track/headers/clear");
        Reply tracked = client.put("/client/track/headers/add/x,y,z,foo,Via-Goto,goto-host");
        Reply forced1 = server1.put("/response/status/set/502:20");
        Reply forced2 = server2.put("/response/status/set/503:20");
        Reply nonBlocking = client.put("/client/blocking/set/N");

        Reply invoked = client.post("/client/targets/invoke/all");
        client.post("/client/targets/add", """
                {"name": "target3", "method": "OPTIONS", "url": "%s",
                 "headers": [["foo", "bar1"], ["x", "x1"], ["y", "y1"]],
                 "body": "{\\"some\\":\\"thing\\"}",
                 "replicas": 3, "requestCount": 100, "delay": "20ms", "sendID": true}"""
                .formatted(server3.url("/foo")));
        Reply invoked3 = client.post("/client/targets/target3/invoke");
        JsonNode activeWithThree = client.get("/client/targets/active").json();
        Eventually.await("target1 and target2 past their forced statuses", () -> {
            JsonNode counts = client.get("/client/results").json().get("targetInvocationCounts");
            return counts.path("target1").asLong() > 20 && counts.path("target2").asLong() > 20;
        });
        Reply stopped = client.post("/client/targets/target1,target2/stop");
        Eventually.await("no active targets", () ->
                client.get("/client/targets/active").json().get("activeCount").asInt() == 0);

        assertThat(added.body().trim()).isEqualTo("Added target: {\"name\":\"target1\","
                + "\"method\":\"POST\",\"url\":\"" + server1.url("/some/api") + "\","
                + "\"headers\":[[\"x\",\"x1\"],[\"y\",\"y1\"]],"
                + "\"body\":\"{\\\"test\\\":\\\"this\\\"}\","
                + "\"bodyReader\":null,\"replicas\":2,\"requestCount\":200,\"delay\":\"50ms\","
                + "\"keepOpen\":\"\",\"sendID\":true}");
        assertThat(cleared.body().trim()).isEqualTo("All tracking headers cleared");
        assertThat(tracked.body().trim())
                .isEqualTo("Header x,y,z,foo,Via-Goto,goto-host will be tracked");
        assertThat(forced1.body().trim())
                .isEqualTo("Will respond with forced status: 502 times 20");
        assertThat(forced2.body().trim())
                .isEqualTo("Will respond with forced status: 503 times 20");
        assertThat(nonBlocking.body().trim()).isEqualTo("Invocation will not block for results");
        assertThat(invoked.body().trim()).isEqualTo("Targets invoked");
        assertThat(invoked3.body().trim()).isEqualTo("Targets invoked");
        assertThat(stopped.body().trim()).isEqualTo("Targets stopped");
        assertThat(activeWithThree.at("/activeInvocations/target1/1/stopRequested").isBoolean())
                .isTrue();
        assertThat(activeWithThree.at("/activeInvocations/target3/2").isObject()).isTrue();

        JsonNode results = client.get("/client/results").json();
        long target1 = count(results, "/targetInvocationCounts/target1");
        long target2 = count(results, "/targetInvocationCounts/target2");
        assertThat(target1).isBetween(21L, 399L);
        assertThat(target2).isBetween(21L, 199L);
        assertThat(count(results, "/targetInvocationCounts/target3")).isEqualTo(300);
        assertThat(results.get("countsByTargetStatusCode").toString()).isEqualTo(
                "{\"target1\":{\"200\":%d,\"502\":20},\"target2\":{\"200\":%d,\"503\":20},"
                        .formatted(target1 - 20, target2 - 20)
                        + "\"target3\":{\"200\":300}}");
        assertThat(count(results, "/countsByTargetStatus/target1/502 Bad Gateway")).isEqualTo(20);
        assertThat(count(results, "/countsByTargetStatus/target2/503 Service Unavailable"))
                .isEqualTo(20);
        assertThat(count(results, "/countsByStatus/200 OK")).isEqualTo(target1 + target2 + 260);
        assertThat(count(results, "/countsByStatusCodes/502")).isEqualTo(20);
        assertThat(count(results, "/countsByStatusCodes/503")).isEqualTo(20);
        assertThat(count(results, "/countsByStatusCodes/200")).isEqualTo(target1 + target2 + 260);

        assertThat(count(results, "/countsByHeaders/via-goto")).isEqualTo(target1 + target2 + 300);
        assertThat(count(results, "/countsByHeaders/goto-host")).isEqualTo(target1 + target2 + 300);
        assertThat(count(results, "/countsByHeaders/x")).isEqualTo(target1 + target2);
        assertThat(count(results, "/countsByHeaders/foo")).isEqualTo(300);
        assertThat(results.at("/countsByHeaders").has("z")).isFalse();
        assertThat(count(results, "/countsByHeaderValues/via-goto/Server8081")).isEqualTo(target1);
        assertThat(count(results, "/countsByHeaderValues/via-goto/Server8082")).isEqualTo(target2);
        assertThat(count(results, "/countsByHeaderValues/via-goto/Server8083")).isEqualTo(300);
        assertThat(results.at("/countsByHeaderValues/goto-host").size()).isEqualTo(3);
        assertThat(count(results, "/countsByHeaderValues/x/x1")).isEqualTo(target1);
        assertThat(count(results, "/countsByHeaderValues/x/x2")).isEqualTo(target2);
        assertThat(count(results, "/countsByTargetHeaders/target2/y")).isEqualTo(target2);
        assertThat(count(results, "/countsByTargetHeaderValues/target1/y/y1")).isEqualTo(target1);
        assertThat(count(results, "/countsByTargetHeaderValues/target3/foo/bar1")).isEqualTo(300);
        assertThat(count(results, "/countsByTargetHeaderValues/target3/via-goto/Server8083"))
                .isEqualTo(300);
        assertThat(results.at("/targetFirstResponses").size()).isEqualTo(3);
        assertThat(results.at("/targetLastResponses").size()).isEqualTo(3);
        assertThat(count(results, "/latencyMillis/count")).isEqualTo(target1 + target2 + 300);
        assertThat(sum(results.get("targetInvocationCounts")))
                .isEqualTo(sum(results.get("countsByStatusCodes")));

        JsonNode invocations = client.get("/client/results/invocations").json();
        assertThat(invocations.at("/1/finished").asBoolean()).isTrue();
        assertThat(invocations.at("/1/status/target1/stopped").asBoolean()).isTrue();
        assertThat(invocations.at("/1/status/target2/stopped").asBoolean()).isTrue();
        assertThat(count(invocations, "/1/results/targetInvocationCounts/target1"))
                .isEqualTo(target1);
        assertThat(invocations.at("/2/status/target3/stopped").asBoolean()).isFalse();
        assertThat(count(invocations, "/2/results/countsByStatusCodes/200")).isEqualTo(300);
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
