package dev.goto4j.server.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.testing.HttpCalls;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HeaderTrackingTest {

    private RunningGoto goto1;

    @BeforeEach
    void start() {
        goto1 = RunningGoto.start("Tracking");
    }

    @AfterEach
    void stop() {
        goto1.close();
    }

    @Test
    void countsTrackedHeadersByValueAndStatus() {
        goto1.post("/request/headers/track/clear");
        Reply added = goto1.put("/request/headers/track/add/foo,Bar,y");

        goto1.get("/some/uri", "foo", "foo1");
        goto1.get("/some/uri", "foo", "foo1", "bar", "bar1");
        goto1.get("/status/418", "bar", "bar1");
        goto1.put("/response/status/set/503:1");
        goto1.get("/status/202", "foo", "foo2");
        goto1.get("/untracked", "z", "z1");

        assertThat(added.body().trim()).isEqualTo("Header foo,Bar,y will be tracked");
        assertThat(goto1.get("/request/headers/track/counts").json()).isEqualTo(Reply.parse("""
                {"foo": {"RequestCountsByHeaderValue": {"foo1": 2, "foo2": 1},
                         "RequestCountsByHeaderValueAndRequestedStatus": {"foo2": {"202": 1}},
                         "RequestCountsByHeaderValueAndResponseStatus":
                             {"foo1": {"200": 2}, "foo2": {"503": 1}}},
                 "bar": {"RequestCountsByHeaderValue": {"bar1": 2},
                         "RequestCountsByHeaderValueAndRequestedStatus": {"bar1": {"418": 1}},
                         "RequestCountsByHeaderValueAndResponseStatus":
                             {"bar1": {"200": 1, "418": 1}}},
                 "y": {"RequestCountsByHeaderValue": {},
                       "RequestCountsByHeaderValueAndRequestedStatus": {},
                       "RequestCountsByHeaderValueAndResponseStatus": {}}}"""));
    }

    @Test
    void readsListsRemovesAndClearsCountsPerHeader() {
        goto1.put("/request/headers/track/add/x,y");
        goto1.get("/a", "x", "x1", "y", "y1");

        JsonNode x = goto1.get("/request/headers/track/x/counts").json();
        Reply clearedX = goto1.post("/request/headers/track/counts/clear/x");
        JsonNode afterClear = goto1.get("/request/headers/track/counts").json();
        goto1.put("/request/headers/track/y/remove");

        assertThat(x.at("/RequestCountsByHeaderValue/x1").asLong()).isEqualTo(1);
        assertThat(clearedX.status()).isEqualTo(200);
        assertThat(afterClear.at("/x/RequestCountsByHeaderValue").isEmpty()).isTrue();
        assertThat(afterClear.at("/y/RequestCountsByHeaderValue/y1").asLong()).isEqualTo(1);
        assertThat(goto1.get("/request/headers/track/list").json())
                .isEqualTo(Reply.parse("[\"x\"]"));
        assertThat(goto1.get("/request/headers/track").json()).isEqualTo(Reply.parse("[\"x\"]"));
    }

    @Test
    void adminCallsAreNotCounted() {
        goto1.put("/request/headers/track/add/x");

        goto1.get("/request/headers/track/counts", "x", "x1");

        assertThat(goto1.get("/request/headers/track/x/counts").json()
                .get("RequestCountsByHeaderValue").isEmpty()).isTrue();
    }

    @Test
    void distinctValuesPastTheCapAreCountedUnderOneKey() {
        goto1.put("/request/headers/track/add/id");

        for (int i = 0; i < 1005; i++) {
            goto1.get("/a", "id", "v" + i);
        }

        JsonNode byValue = goto1.get("/request/headers/track/id/counts").json()
                .get("RequestCountsByHeaderValue");
        long total = 0;
        for (JsonNode n : byValue) {
            total += n.asLong();
        }
        assertThat(byValue.size()).isEqualTo(1001);
        assertThat(byValue.get("(other values)").asLong()).isEqualTo(5);
        assertThat(total).isEqualTo(1005);
    }

    @Test
    void unknownHeadersAreNotFoundAndNothingChanges() {
        goto1.put("/request/headers/track/add/x");

        Reply remove = goto1.put("/request/headers/track/remove/x,nope");
        Reply counts = goto1.get("/request/headers/track/nope/counts");
        Reply clear = goto1.post("/request/headers/track/counts/clear/nope");

        assertThat(remove.status()).isEqualTo(404);
        assertThat(remove.json().at("/problems/0/value").asText()).isEqualTo("nope");
        assertThat(counts.status()).isEqualTo(404);
        assertThat(clear.status()).isEqualTo(404);
        assertThat(goto1.get("/request/headers/track").json()).isEqualTo(Reply.parse("[\"x\"]"));
    }

    @Test
    void trackingBelongsToThePortThatSetIt() {
        HttpCalls other = goto1.addListener();
        goto1.put("/request/headers/track/add/x");

        other.get("/a", "x", "x1");

        assertThat(other.get("/request/headers/track").json().isEmpty()).isTrue();
        assertThat(goto1.get("/request/headers/track/x/counts").json()
                .get("RequestCountsByHeaderValue").isEmpty()).isTrue();
    }
}
