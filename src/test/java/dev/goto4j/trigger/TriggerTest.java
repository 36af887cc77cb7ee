package dev.goto4j.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.testing.Eventually;
import dev.goto4j.testing.HttpCalls;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Triggers fire a call when a listed status is sent, after the answer went out. The called
 * instance answers {@code /status/202}, so a 202 in the counts proves the call reached it.
 */
class TriggerTest {

    private static RunningGoto server;
    private static RunningGoto other;

    @BeforeAll
    static void start() {
        server = RunningGoto.start("server");
        other = RunningGoto.start("other");
    }

    @AfterAll
    static void stop() {
        server.close();
        other.close();
    }

    @BeforeEach
    void reset() {
        server.post("/response/trigger/clear");
        server.post("/response/trigger/counts/clear");
        server.post("/request/proxy/targets/clear");
    }

    private static Reply addTrigger(String name, String url, String statuses) {
        return server.post("/response/trigger/add", "{\"name\":\"" + name + "\","
                + "\"method\":\"POST\",\"url\":\"" + url + "\","
                + "\"headers\":[[\"foo\",\"bar\"]],\"body\":\"{\\\"test\\\":\\\"this\\\"}\","
                + "\"sendId\":true,\"enabled\":true,\"triggerOnResponseStatuses\":" + statuses + "}");
    }

    private static long count(String trigger, String status) {
        return server.get("/response/trigger/counts").json().path(trigger).path(status).asLong();
    }

    @Test
    void firesOnEveryListedStatusAndOnNoOther() {
        addTrigger("t1", other.url("/status/202"), "[502,503]");

        Reply failed = server.get("/status/503");
        server.get("/status/502");
        server.get("/status/200");
        server.get("/status/500");

        assertThat(failed.status()).isEqualTo(503);
        Eventually.await("two trigger calls answered 202", () -> count("t1", "202") == 2);
        assertThat(server.get("/response/trigger/counts").json().get("t1").size()).isEqualTo(1);
    }

    @Test
    void firesOnTheUpstreamStatusOfAProxiedResponse() {
        server.post("/request/proxy/targets/add", "{\"name\":\"up\",\"url\":\"" + other.url("")
                + "\",\"match\":{\"uris\":[\"/status/{s}\"]}}");
        addTrigger("t1", other.url("/status/202"), "[503]");

        Reply proxied = server.get("/status/503");

        assertThat(proxied.headers().allValues("Via-Goto")).containsExactly("server", "other");
        Eventually.await("trigger fired on upstream's 503", () -> count("t1", "202") == 1);
    }

    @Test
    void firesOnTheProxysOwn502WhenTheUpstreamIsDown() {
        server.post("/request/proxy/targets/add", "{\"name\":\"dead\",\"url\":\"http://127.0.0.1:"
                + RunningGoto.freePort() + "\",\"match\":{\"uris\":[\"/dead\"]}}");
        addTrigger("t1", other.url("/status/202"), "[502]");

        assertThat(server.get("/dead").status()).isEqualTo(502);

        Eventually.await("trigger fired on the 502", () -> count("t1", "202") == 1);
    }

    @Test
    void triggerOnAnUpstreamFailureClearsTheForcedStatusOfThatUpstream() {
        server.post("/request/proxy/targets/add", "{\"name\":\"up\",\"url\":\"" + other.url("")
                + "\",\"match\":{\"uris\":[\"/my/api\"]}}");
        addTrigger("heal", other.url("/response/status/clear"), "[502,503]");
        other.put("/response/status/set/503");

        Reply failed = server.get("/my/api");

        assertThat(failed.status()).isEqualTo(503);
        Eventually.await("upstream's forced status cleared", () ->
                other.get("/response/status").json().get("forcedStatus").asInt() == 0);
        assertThat(server.get("/my/api").status()).isEqualTo(200);
        assertThat(count("heal", "200")).isEqualTo(1);
    }

    @Test
    void aCallThatGetsNoResponseCountsUnderZero() {
        addTrigger("t1", "http://127.0.0.1:" + RunningGoto.freePort() + "/x", "[503]");

        server.get("/status/503");

        Eventually.await("failed trigger call counted", () -> count("t1", "0") == 1);
    }

    @Test
    void disabledTriggerDoesNotFireUntilEnabledAgain() {
        addTrigger("t1", other.url("/status/202"), "[503]");
        addTrigger("t2", other.url("/status/204"), "[503]");

        Reply disabled = server.put("/response/trigger/t1/disable");
        server.get("/status/503");
        Eventually.await("t2 fired", () -> count("t2", "204") == 1);
        Reply enabled = server.post("/response/trigger/t1/enable");
        server.get("/status/503");

        assertThat(disabled.body().trim()).isEqualTo("Disabled triggers: t1");
        assertThat(enabled.body().trim()).isEqualTo("Enabled triggers: t1");
        Eventually.await("t1 fired once, t2 twice", () -> count("t1", "202") == 1
                && count("t2", "204") == 2);
    }

    @Test
    void invokeCallsOnceAndAnswersWhatCameBack() {
        addTrigger("t1", other.url("/echo"), "[503]");
        addTrigger("t2", other.url("/status/418"), "[503]");

        Reply invoked = server.post("/response/trigger/t1,t2/invoke");

        assertThat(invoked.status()).isEqualTo(200);
        assertThat(invoked.json().at("/t1/status").asInt()).isEqualTo(200);
        JsonNode echoed = Reply.parse(invoked.json().at("/t1/body").asText());
        assertThat(echoed.get("method").asText()).isEqualTo("POST");
        assertThat(echoed.get("body").asText()).isEqualTo("{\"test\":\"this\"}");
        assertThat(echoed.at("/headers/foo").asText()).isEqualTo("bar");
        assertThat(echoed.at("/query/x-request-id").asText()).isNotBlank();
        assertThat(invoked.json().at("/t2/status").asInt()).isEqualTo(418);
        assertThat(count("t1", "200")).isEqualTo(1);
        assertThat(count("t2", "418")).isEqualTo(1);
    }

    @Test
    void listsTriggersByNameWithTheirDefaults() {
        server.post("/response/trigger/add", "{\"name\":\"t1\",\"url\":\"" + other.url("/x")
                + "\",\"triggerOnResponseStatuses\":[500]}");
        addTrigger("t2", other.url("/y"), "[502,503]");

        JsonNode list = server.get("/response/trigger/list").json();

        assertThat(list.fieldNames()).toIterable().containsExactly("t1", "t2");
        assertThat(list.at("/t1/method").asText()).isEqualTo("GET");
        assertThat(list.at("/t1/enabled").asBoolean()).isTrue();
        assertThat(list.at("/t1/sendID").asBoolean()).isFalse();
        assertThat(list.at("/t2/sendID").asBoolean()).isTrue();
        assertThat(list.at("/t2/triggerOnResponseStatuses/1").asInt()).isEqualTo(503);
        assertThat(server.get("/response/trigger").json()).isEqualTo(list);
    }

    @Test
    void removedAndClearedTriggersAreGone() {
        addTrigger("t1", other.url("/x"), "[500]");
        addTrigger("t2", other.url("/y"), "[500]");

        Reply removed = server.post("/response/trigger/t1/remove");

        assertThat(removed.body().trim()).isEqualTo("Removed triggers: t1");
        assertThat(server.get("/response/trigger/list").json().fieldNames()).toIterable()
                .containsExactly("t2");
        assertThat(server.post("/response/trigger/clear").body().trim())
                .isEqualTo("Triggers cleared");
        assertThat(server.get("/response/trigger/list").json().size()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\":\"t\"|400|body",
        "{\"name\":\"t\",\"triggerOnResponseStatuses\":[503]}|422|url",
        "{\"name\":\"t\",\"url\":\"mailto:a@b\",\"triggerOnResponseStatuses\":[503]}|422|url",
        "{\"url\":\"http://a\",\"triggerOnResponseStatuses\":[503]}|422|name",
        "{\"name\":\"t\",\"url\":\"http://a\"}|422|triggerOnResponseStatuses",
        "{\"name\":\"t\",\"url\":\"http://a\",\"triggerOnResponseStatuses\":[99]}"
                + "|422|triggerOnResponseStatuses[0]",
        "{\"name\":\"t\",\"url\":\"http://a\",\"triggerOnResponseStatuses\":[\"x\"]}"
                + "|422|triggerOnResponseStatuses[0]",
        "{\"name\":\"t\",\"url\":\"http://a\",\"method\":\"FETCH\",\"triggerOnResponseStatuses\":[503]}"
                + "|422|method",
        "{\"name\":\"t\",\"url\":\"http://a\",\"headers\":[[\"a\"]],\"triggerOnResponseStatuses\":[503]}"
                + "|422|headers[0]",
        "{\"name\":\"t\",\"url\":\"http://a\",\"colour\":1,\"triggerOnResponseStatuses\":[503]}"
                + "|422|colour",
    })
    void rejectsBadTriggerAndKeepsTheList(String body, int status, String field) {
        addTrigger("kept", other.url("/x"), "[500]");

        Reply reply = server.post("/response/trigger/add", body);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isNotBlank();
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo(field);
        JsonNode list = server.get("/response/trigger/list").json();
        assertThat(list.fieldNames()).toIterable().containsExactly("kept");
        assertThat(list.at("/kept/url").asText()).isEqualTo(other.url("/x"));
    }

    @ParameterizedTest
    @CsvSource({"remove", "enable", "disable", "invoke"})
    void unknownTriggerNamesAre404AndChangeNothing(String command) {
        addTrigger("t1", other.url("/x"), "[500]");
        server.post("/response/trigger/t1/disable");

        Reply reply = server.post("/response/trigger/t1,nope/" + command);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/problems/0/value").asText()).isEqualTo("nope");
        JsonNode list = server.get("/response/trigger/list").json();
        assertThat(list.fieldNames()).toIterable().containsExactly("t1");
        assertThat(list.at("/t1/enabled").asBoolean()).isFalse();
        assertThat(server.get("/response/trigger/counts").json().size()).isZero();
    }

    @Test
    void triggersBelongToTheListenerThatAddedThem() {
        int port = RunningGoto.freePort();
        server.post("/listeners/add", "{\"port\":" + port + "}");
        HttpCalls otherPort = server.onPort(port);
        addTrigger("t1", other.url("/status/202"), "[503]");

        otherPort.get("/status/503");
        server.get("/status/503");

        Eventually.await("own port's 503 fired", () -> count("t1", "202") == 1);
        assertThat(otherPort.get("/response/trigger/list").json().size()).isZero();
        assertThat(otherPort.get("/response/trigger/counts").json().size()).isZero();
        server.post("/listeners/" + port + "/remove");
        assertThat(count("t1", "202")).isEqualTo(1);
    }
}
