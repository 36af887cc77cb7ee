package dev.goto4j.server.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.testing.HttpCalls;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForcedStatusTest {

    private RunningGoto goto1;

    @BeforeEach
    void start() {
        goto1 = RunningGoto.start("Forced");
    }

    @AfterEach
    void stop() {
        goto1.close();
    }

    @Test
    void forcesTheNextTwoResponsesThenAnswersAsBefore() {
        Reply set = goto1.put("/response/status/set/503:2");

        List<Integer> statuses = List.of(goto1.get("/my/fancy/api").status(),
                goto1.get("/my/fancy/api").status(), goto1.get("/my/fancy/api").status());

        assertThat(set.body().trim()).isEqualTo("Will respond with forced status: 503 times 2");
        assertThat(statuses).containsExactly(503, 503, 200);
        assertThat(goto1.get("/response/status").json().get("forcedStatus").asInt()).isZero();
    }

    @Test
    void forcesExactlyTimesResponsesUnderConcurrentRequests() {
        goto1.put("/response/status/set/502:20");

        Map<Integer, Long> statuses = goto1.getAtOnce("/concurrent", 200);

        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(502, 20L, 200, 180L));
        JsonNode counts = goto1.get("/response/status/counts").json();
        assertThat(counts.at("/countsByReportedStatus/502").asLong()).isEqualTo(20);
        assertThat(counts.at("/countsByReportedStatus/200").asLong()).isEqualTo(180);
    }

    @Test
    void forcedStatusWithoutTimesLastsUntilCleared() {
        goto1.put("/response/status/set/418");

        int first = goto1.get("/a").status();
        int second = goto1.get("/status/200").status();
        JsonNode view = goto1.get("/response/status").json();
        Reply cleared = goto1.post("/response/status/clear");

        assertThat(first).isEqualTo(418);
        assertThat(second).isEqualTo(418);
        assertThat(view.get("forcedStatus").asInt()).isEqualTo(418);
        assertThat(view.get("untilCleared").asBoolean()).isTrue();
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(goto1.get("/a").status()).isEqualTo(200);
    }

    @Test
    void statusZeroClearsTheForcedStatus() {
        goto1.put("/response/status/set/500");

        goto1.put("/response/status/set/0");

        assertThat(goto1.get("/a").status()).isEqualTo(200);
    }

    @Test
    void adminCallsAreNeverForced() {
        goto1.put("/response/status/set/503");

        assertThat(goto1.get("/response/status").status()).isEqualTo(200);
        assertThat(goto1.get("/listeners").status()).isEqualTo(200);
    }

    @Test
    void countsRequestedAndReportedStatuses() {
        goto1.get("/status/418");
        goto1.get("/status/418");
        goto1.put("/response/status/set/503:1");
        goto1.get("/status/202");

        JsonNode all = goto1.get("/response/status/counts").json();
        JsonNode only418 = goto1.get("/response/status/counts/418").json();
        goto1.post("/response/status/counts/clear");
        JsonNode cleared = goto1.get("/response/status/counts").json();

        assertThat(all.get("countsByRequestedStatus"))
                .isEqualTo(Reply.parse("{\"202\":1,\"418\":2}"));
        assertThat(all.get("countsByReportedStatus")).isEqualTo(Reply.parse("{\"418\":2,\"503\":1}"));
        assertThat(only418.get("countsByRequestedStatus")).isEqualTo(Reply.parse("{\"418\":2}"));
        assertThat(only418.get("countsByReportedStatus")).isEqualTo(Reply.parse("{\"418\":2}"));
        assertThat(cleared).isEqualTo(Reply.parse(
                "{\"countsByRequestedStatus\":{},\"countsByReportedStatus\":{}}"));
    }

    @Test
    void forcedStatusBelongsToThePortThatSetIt() {
        HttpCalls other = goto1.addListener();

        goto1.put("/response/status/set/503");

        assertThat(goto1.get("/a").status()).isEqualTo(503);
        assertThat(other.get("/a").status()).isEqualTo(200);
        assertThat(other.get("/response/status").json().get("forcedStatus").asInt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "99", "600", "503:0", "503:x", "503:-1", ":2"})
    void rejectsBadStatusAndKeepsTheCurrentOne(String status) {
        goto1.put("/response/status/set/502:5");

        Reply reply = goto1.put("/response/status/set/" + status);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("status").asInt()).isEqualTo(400);
        assertThat(reply.json().at("/problems/0/value").asText()).isNotEmpty();
        JsonNode view = goto1.get("/response/status").json();
        assertThat(view.get("forcedStatus").asInt()).isEqualTo(502);
        assertThat(view.get("remainingTimes").asInt()).isEqualTo(5);
    }

    @Test
    void rejectsCountsOfAStatusThatIsNotOne() {
        Reply reply = goto1.get("/response/status/counts/abc");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo("status");
    }
}
