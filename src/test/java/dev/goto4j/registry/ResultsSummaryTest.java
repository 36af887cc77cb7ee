package dev.goto4j.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.http.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResultsSummaryTest {

    private final Lockers lockers = new Lockers();

    private static String clientResults(long count, String first, String last, long ok, long bad) {
        return "{\"targetInvocationCounts\":{\"t1\":" + count + "},"
                + "\"targetFirstResponses\":{\"t1\":\"" + first + "\"},"
                + "\"targetLastResponses\":{\"t1\":\"" + last + "\"},"
                + "\"countsByStatus\":{\"200 OK\":" + ok + ",\"503 Service Unavailable\":" + bad
                + "},\"countsByStatusCodes\":{\"200\":" + ok + ",\"503\":" + bad + "},"
                + "\"countsByHeaders\":{\"via-goto\":" + count + "},"
                + "\"countsByHeaderValues\":{\"via-goto\":{\"s1\":" + count + "}},"
                + "\"countsByTargetStatus\":{\"t1\":{\"200 OK\":" + ok + ",\"503 Service Unavailable\":"
                + bad + "}},\"countsByTargetStatusCode\":{\"t1\":{\"200\":" + ok + ",\"503\":" + bad
                + "}},\"countsByTargetHeaders\":{\"t1\":{\"via-goto\":" + count + "}},"
                + "\"countsByTargetHeaderValues\":{\"t1\":{\"via-goto\":{\"s1\":" + count + "}}},"
                + "\"latencyMillis\":{\"count\":" + count + ",\"p50\":1.5}}";
    }

    @BeforeEach
    void storeTwoInstancesOfOneLabelAndAnother() {
        lockers.store("peer1", "10.0.0.1:80", "client", clientResults(3,
                "2020-06-20T08:00:33.5-07:00", "2020-06-20T08:00:52Z", 3, 0));
        lockers.store("peer1", "10.0.0.2:80", "client", clientResults(2,
                "2020-06-20T15:00:30Z", "2020-06-20T15:01:00.25Z", 1, 1));
        lockers.store("peer1", "10.0.0.2:80", "client_1", clientResults(100, "x", "y", 100, 0));
        lockers.store("peer2", "10.0.0.3:80", "client", clientResults(7,
                "2020-06-20T15:00:00Z", "2020-06-20T15:00:01Z", 7, 0));
        lockers.store("peer3", "10.0.0.4:80", "job_j1_1", "[]");
    }

    @Test
    void sumsTheClientResultsOfEveryInstanceOfALabel() {
        JsonNode summary = Json.MAPPER.valueToTree(ResultsSummary.summary(lockers.all()));

        JsonNode peer1 = summary.get("peer1");
        assertThat(peer1.at("/targetInvocationCounts/t1").asLong()).isEqualTo(5);
        assertThat(peer1.at("/countsByStatusCodes/200").asLong()).isEqualTo(4);
        assertThat(peer1.at("/countsByStatus/503 Service Unavailable").asLong()).isEqualTo(1);
        assertThat(peer1.at("/countsByHeaderValues/via-goto/s1").asLong()).isEqualTo(5);
        assertThat(peer1.at("/countsByTargetStatusCode/t1/503").asLong()).isEqualTo(1);
        assertThat(peer1.at("/countsByTargetHeaderValues/t1/via-goto/s1").asLong()).isEqualTo(5);
        assertThat(summary.at("/peer2/targetInvocationCounts/t1").asLong()).isEqualTo(7);
        assertThat(summary.has("peer3")).isFalse();
    }

    @Test
    void keepsTheEarliestFirstAndLatestLastResponseComparingInstants() {
        JsonNode peer1 = Json.MAPPER.valueToTree(ResultsSummary.summary(lockers.all()))
                .get("peer1");

        // 08:00:33.5-07:00 is 15:00:33.5Z: later, though it sorts first as text.
        assertThat(peer1.at("/targetFirstResponses/t1").asText())
                .isEqualTo("2020-06-20T15:00:30Z");
        assertThat(peer1.at("/targetLastResponses/t1").asText())
                .isEqualTo("2020-06-20T15:01:00.25Z");
        assertThat(peer1.has("latencyMillis")).isFalse();
    }

    @Test
    void detailedResultsAreBrokenDownByTarget() {
        JsonNode detailed = Json.MAPPER.valueToTree(ResultsSummary.detailed(lockers.all()));

        JsonNode t1 = detailed.at("/peer1/t1");
        assertThat(t1.get("target").asText()).isEqualTo("t1");
        assertThat(t1.get("invocationCounts").asLong()).isEqualTo(5);
        assertThat(t1.get("firstResponses").asText()).isEqualTo("2020-06-20T15:00:30Z");
        assertThat(t1.get("lastResponses").asText()).isEqualTo("2020-06-20T15:01:00.25Z");
        assertThat(t1.at("/countsByStatus/200 OK").asLong()).isEqualTo(4);
        assertThat(t1.at("/countsByStatusCodes/503").asLong()).isEqualTo(1);
        assertThat(t1.at("/countsByHeaders/via-goto").asLong()).isEqualTo(5);
        assertThat(t1.at("/countsByHeaderValues/via-goto/s1").asLong()).isEqualTo(5);
        assertThat(detailed.at("/peer2/t1/invocationCounts").asLong()).isEqualTo(7);
    }
}
