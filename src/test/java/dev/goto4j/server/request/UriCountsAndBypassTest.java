package dev.goto4j.server.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goto4j.testing.HttpCalls;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UriCountsAndBypassTest {

    private RunningGoto goto1;

    @BeforeEach
    void start() {
        goto1 = RunningGoto.start("Uris");
    }

    @AfterEach
    void stop() {
        goto1.close();
    }

    @Test
    void countsPathsWithoutTheirQueryOnlyWhileEnabled() {
        goto1.get("/before");
        goto1.post("/request/uri/counts/enable");
        goto1.get("/foo?x=1");
        goto1.get("/foo");
        goto1.get("/foo/3/bar/4");
        goto1.post("/request/uri/counts/disable");
        goto1.get("/after");

        assertThat(goto1.get("/request/uri/counts").json())
                .isEqualTo(Reply.parse("{\"/foo\":2,\"/foo/3/bar/4\":1}"));
        goto1.post("/request/uri/counts/clear");
        assertThat(goto1.get("/request/uri/counts").json().isEmpty()).isTrue();
    }

    @Test
    void bypassUrisAnswerTheirStatusUntouchedByFaults() {
        goto1.put("/request/uri/bypass/add?uri=/health");
        goto1.put("/request/uri/bypass/add?uri=/ready/%7Bpod%7D");
        goto1.put("/request/uri/bypass/status/set/202");
        goto1.put("/response/status/set/503");
        goto1.put("/response/delay/set/10s");

        Reply health = goto1.get("/health");
        Reply ready = goto1.get("/ready/pod-1");
        goto1.put("/response/delay/clear");
        Reply other = goto1.get("/other");

        assertThat(health.status()).isEqualTo(202);
        assertThat(ready.status()).isEqualTo(202);
        assertThat(other.status()).isEqualTo(503);
        assertThat(goto1.get("/request/uri/bypass").json()).isEqualTo(Reply.parse(
                "{\"uris\":{\"/health\":1,\"/ready/{pod}\":1},\"bypassStatus\":202}"));
        assertThat(goto1.get("/request/uri/bypass/counts?uri=/health").json())
                .isEqualTo(Reply.parse("{\"/health\":1}"));
        assertThat(goto1.get("/request/uri/bypass/status").json())
                .isEqualTo(Reply.parse("{\"bypassStatus\":202}"));
    }

    @Test
    void removedBypassUriGetsTheFaultsAgain() {
        goto1.put("/request/uri/bypass/add?uri=/health");
        goto1.put("/response/status/set/503");

        goto1.put("/request/uri/bypass/remove?uri=/health");

        assertThat(goto1.get("/health").status()).isEqualTo(503);
        assertThat(goto1.get("/request/uri/bypass/list").json().get("uris").isEmpty()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PUT|/request/uri/bypass/add|400|uri",
            "PUT|/request/uri/bypass/add?uri=health|400|uri",
            "PUT|/request/uri/bypass/remove?uri=/nope|404|bypass uri",
            "PUT|/request/uri/bypass/status/set/700|400|status",
            "GET|/request/uri/bypass/counts?uri=/nope|404|bypass uri"})
    void rejectsBadBypassInputAndChangesNothing(String method, String path, int status,
                                                String field) {
        goto1.put("/request/uri/bypass/add?uri=/kept");

        Reply reply = goto1.send(method, path, null);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo(field);
        assertThat(goto1.get("/request/uri/bypass").json()).isEqualTo(
                Reply.parse("{\"uris\":{\"/kept\":0},\"bypassStatus\":200}"));
    }

    @Test
    void bypassAndCountsBelongToThePortThatSetThem() {
        HttpCalls other = goto1.addListener();
        goto1.put("/request/uri/bypass/add?uri=/health");
        goto1.post("/request/uri/counts/enable");

        other.get("/health");

        assertThat(other.get("/request/uri/bypass").json().get("uris").isEmpty()).isTrue();
        assertThat(goto1.get("/request/uri/bypass").json().at("/uris/~1health").asLong()).isZero();
        assertThat(goto1.get("/request/uri/counts").json().isEmpty()).isTrue();
    }
}
