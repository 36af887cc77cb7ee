package dev.goto4j.server.response;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goto4j.testing.HttpCalls;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Response headers, payloads and delay, as set through the admin API. */
class ResponseContentTest {

    private RunningGoto goto1;

    @BeforeEach
    void start() {
        goto1 = RunningGoto.start("Content");
    }

    @AfterEach
    void stop() {
        goto1.close();
    }

    @Test
    void addedHeadersGoOnEveryRuntimeResponseUntilRemoved() {
        goto1.put("/response/headers/add/x/x1");
        goto1.put("/response/headers/add/x/x2");
        goto1.put("/response/headers/add/y/y1");

        Reply runtime = goto1.get("/anything");
        Reply listed = goto1.get("/response/headers/list");
        goto1.post("/response/headers/remove/x");
        Reply afterRemove = goto1.get("/echo");

        assertThat(runtime.headers().allValues("x")).containsExactly("x1", "x2");
        assertThat(runtime.header("y")).isEqualTo("y1");
        assertThat(listed.json()).isEqualTo(Reply.parse("{\"x\":[\"x1\",\"x2\"],\"y\":[\"y1\"]}"));
        assertThat(afterRemove.header("x")).isNull();
        assertThat(afterRemove.header("y")).isEqualTo("y1");
    }

    @Test
    void removingAHeaderNeverAddedIsNotFound() {
        goto1.put("/response/headers/add/y/y1");

        Reply reply = goto1.post("/response/headers/remove/x");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/problems/0/value").asText()).isEqualTo("x");
        assertThat(goto1.get("/response/headers").json().has("y")).isTrue();
    }

    @Test
    void payloadPrecedenceIsUriThenHeaderValueThenHeaderThenDefault() {
        goto1.post("/response/payload/set/default", "default", "Content-Type", "text/plain");
        goto1.post("/response/payload/set/uri?uri=/foo/%7Bf%7D/bar%7Bb%7D", "{\"by\":\"uri\"}",
                "Content-Type", "application/json");
        goto1.post("/response/payload/set/header/foo", "header", "Content-Type", "text/x-header");
        goto1.post("/response/payload/set/header/foo/value/bar", "header and value",
                "Content-Type", "text/x-value");

        Reply byUri = goto1.get("/foo/1/bar2", "foo", "bar");
        Reply byValue = goto1.get("/other", "foo", "bar");
        Reply byHeader = goto1.get("/other", "foo", "baz");
        Reply byDefault = goto1.get("/other");

        assertThat(byUri.body()).isEqualTo("{\"by\":\"uri\"}");
        assertThat(byUri.header("Content-Type")).isEqualTo("application/json");
        assertThat(byValue.body()).isEqualTo("header and value");
        assertThat(byValue.header("Content-Type")).isEqualTo("text/x-value");
        assertThat(byHeader.body()).isEqualTo("header");
        assertThat(byHeader.header("Content-Type")).isEqualTo("text/x-header");
        assertThat(byDefault.body()).isEqualTo("default");
        assertThat(byDefault.header("Content-Type")).isEqualTo("text/plain");
    }

    @Test
    void payloadTakesTheForcedOrRequestedStatus() {
        goto1.post("/response/payload/set/default", "payload");

        Reply requested = goto1.get("/status/418");
        goto1.put("/response/status/set/503:1");
        Reply forced = goto1.get("/status/418");

        assertThat(requested.status()).isEqualTo(418);
        assertThat(requested.body()).isEqualTo("payload");
        assertThat(forced.status()).isEqualTo(503);
        assertThat(forced.body()).isEqualTo("payload");
    }

    @Test
    void payloadsAreListedAndCleared() {
        goto1.post("/response/payload/set/default", "default");
        goto1.post("/response/payload/set/header/foo", "header");

        Reply listed = goto1.get("/response/payload");
        goto1.post("/response/payload/clear");
        Reply cleared = goto1.get("/response/payload");

        assertThat(listed.json().get("defaultResponsePayload").asText()).isEqualTo("default");
        assertThat(listed.json().at("/responsePayloadByHeaders/foo/").asText()).isEqualTo("header");
        assertThat(cleared.json()).isEqualTo(Reply.parse("{\"responseContentType\":\"\","
                + "\"defaultResponsePayload\":\"\",\"responsePayloadByURIs\":{},"
                + "\"responsePayloadByHeaders\":{}}"));
        assertThat(goto1.get("/other").json().get("path").asText()).isEqualTo("/other");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/response/payload/set/default||body",
            "/response/payload/set/uri|payload|uri",
            "/response/payload/set/uri?uri=no-slash|payload|uri",
            "/response/payload/set/uri?uri=/a/%7B%7D|payload|uri"})
    void rejectsBadPayloadAndChangesNothing(String path, String body, String field) {
        goto1.post("/response/payload/set/default", "kept");

        Reply reply = goto1.post(path, body == null ? "" : body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo(field);
        assertThat(goto1.get("/response/payload").json().get("defaultResponsePayload").asText())
                .isEqualTo("kept");
    }

    @Test
    void delayedRequestStillGetsItsBody() {
        goto1.put("/response/delay/set/50ms");

        Reply echo = goto1.post("/echo", "a body that waits");

        assertThat(echo.status()).isEqualTo(200);
        assertThat(echo.json().get("body").asText()).isEqualTo("a body that waits");
        assertThat(goto1.get("/response/delay").json().get("delay").asText()).isEqualTo("50ms");
    }

    @ParameterizedTest
    @CsvSource({"abc", "-1s", "10", "1x"})
    void rejectsBadDelayAndKeepsTheCurrentOne(String delay) {
        goto1.put("/response/delay/set/1m30s");

        Reply reply = goto1.put("/response/delay/set/" + delay);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo("delay");
        assertThat(reply.json().at("/problems/0/value").asText()).isEqualTo(delay);
        assertThat(goto1.get("/response/delay").json().get("delay").asText()).isEqualTo("1m30s");
    }

    @Test
    void settingsBelongToThePortThatSetThem() {
        HttpCalls other = goto1.addListener();

        goto1.put("/response/headers/add/x/x1");
        goto1.post("/response/payload/set/default", "payload");
        goto1.put("/response/delay/set/1s");

        assertThat(other.get("/a").header("x")).isNull();
        assertThat(other.get("/a").json().get("path").asText()).isEqualTo("/a");
        assertThat(other.get("/response/delay").json().get("delay").asText()).isEqualTo("0s");
        assertThat(other.get("/response/payload").json().get("defaultResponsePayload").asText())
                .isEmpty();
    }
}
