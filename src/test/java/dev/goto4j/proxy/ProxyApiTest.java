package dev.goto4j.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.testing.HttpCalls;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin API of proxy targets: add, list, enable, disable, remove, invoke, counts. */
class ProxyApiTest {

    private static RunningGoto proxy;
    private static RunningGoto upstream;

    @BeforeAll
    static void start() {
        proxy = RunningGoto.start("proxy");
        upstream = RunningGoto.start("upstream");
    }

    @AfterAll
    static void stop() {
        proxy.close();
        upstream.close();
    }

    @BeforeEach
    void reset() {
        proxy.post("/request/proxy/targets/clear");
        proxy.post("/request/proxy/counts/clear");
    }

    private static Reply addTarget(String name, String uri) {
        return proxy.post("/request/proxy/targets/add", "{\"name\":\"" + name + "\",\"url\":\""
                + upstream.url("") + "\",\"match\":{\"uris\":[\"" + uri + "\"]}}");
    }

    @Test
    void listsAddedTargetWithItsDefaults() {
        Reply added = addTarget("t1", "/foo");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).startsWith("Added proxy target: {\"name\":\"t1\"");
        JsonNode t1 = proxy.get("/request/proxy/targets").json().get("t1");
        assertThat(t1.get("url").asText()).isEqualTo(upstream.url(""));
        assertThat(t1.get("enabled").asBoolean()).isTrue();
        assertThat(t1.get("replicas").asInt()).isEqualTo(1);
        assertThat(t1.get("sendID").asBoolean()).isFalse();
        assertThat(t1.at("/match/uris/0").asText()).isEqualTo("/foo");
        assertThat(t1.at("/match/headers").isArray()).isTrue();
        assertThat(t1.get("addHeaders").isArray()).isTrue();
    }

    @Test
    void addingATakenNameReplacesTheTargetInItsPlace() {
        addTarget("t1", "/foo");
        addTarget("t2", "/bar");

        Reply replaced = addTarget("t1", "/baz");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.body()).startsWith("Replaced proxy target:");
        JsonNode targets = proxy.get("/request/proxy/targets").json();
        assertThat(targets.fieldNames()).toIterable().containsExactly("t1", "t2");
        assertThat(targets.at("/t1/match/uris/0").asText()).isEqualTo("/baz");
    }

    @Test
    void acceptsSendIdAsASpellingOfSendID() {
        proxy.post("/request/proxy/targets/add", "{\"name\":\"t1\",\"url\":\"" + upstream.url("")
                + "\",\"match\":{\"uris\":[\"/\"]},\"sendId\":true}");

        assertThat(proxy.get("/request/proxy/targets").json().at("/t1/sendID").asBoolean())
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"name\":\"t\"|400|body",
        "not json|400|body",
        "{\"name\":\"t\",\"match\":{\"uris\":[\"/\"]}}|422|url",
        "{\"name\":\"t\",\"url\":\"ftp://a\",\"match\":{\"uris\":[\"/\"]}}|422|url",
        "{\"name\":\"t\",\"url\":\"http://a?x=1\",\"match\":{\"uris\":[\"/\"]}}|422|url",
        "{\"url\":\"http://a\",\"match\":{\"uris\":[\"/\"]}}|422|name",
        "{\"name\":\"a,b\",\"url\":\"http://a\",\"match\":{\"uris\":[\"/\"]}}|422|name",
        "{\"name\":\"t\",\"url\":\"http://a\"}|422|match",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{}}|422|match",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"uris\":[\"foo\"]}}|422|match.uris[0]",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"uris\":[\"/{x\"]}}|422|match.uris[0]",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"uris\":[\"/{x:[}\"]}}|422|match.uris[0]",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"headers\":[[]]}}|422|match.headers[0]",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"headers\":[[\"a b\"]]}}"
                + "|422|match.headers[0]",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"query\":[[\"a\",\"b\",\"c\"]]}}"
                + "|422|match.query[0]",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"uris\":[\"/\"],\"paths\":[]}}"
                + "|422|match.paths",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"uris\":\"/\"}}|422|match.uris",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"uris\":[\"/\"]},\"colour\":1}|422|colour",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"uris\":[\"/\"]},\"replaceURI\":\"x\"}"
                + "|422|replaceURI",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"uris\":[\"/\"]},\"addHeaders\":[[\"z\"]]}"
                + "|422|addHeaders[0]",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"uris\":[\"/\"]},\"addQuery\":[[\"q\",\"{\"]]}"
                + "|422|addQuery[0]",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"uris\":[\"/\"]},\"removeHeaders\":[\"\"]}"
                + "|422|removeHeaders[0]",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"uris\":[\"/\"]},\"replicas\":-1}"
                + "|422|replicas",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"uris\":[\"/\"]},\"replicas\":\"two\"}"
                + "|422|replicas",
        "{\"name\":\"t\",\"url\":\"http://a\",\"match\":{\"uris\":[\"/\"]},\"enabled\":\"maybe\"}"
                + "|422|enabled",
    })
    void rejectsBadTargetAndKeepsTheList(String body, int status, String field) {
        addTarget("kept", "/kept");

        Reply reply = proxy.post("/request/proxy/targets/add", body);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isNotBlank();
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo(field);
        JsonNode targets = proxy.get("/request/proxy/targets").json();
        assertThat(targets.fieldNames()).toIterable().containsExactly("kept");
        assertThat(targets.at("/kept/match/uris/0").asText()).isEqualTo("/kept");
    }

    @ParameterizedTest
    @CsvSource({"remove", "enable", "disable", "invoke"})
    void unknownTargetNamesAre404AndChangeNothing(String command) {
        addTarget("t1", "/foo");
        proxy.post("/request/proxy/targets/t1/disable");

        Reply reply = proxy.post("/request/proxy/targets/t1,nope,gone/" + command);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("status").asInt()).isEqualTo(404);
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo("targets");
        assertThat(reply.json().at("/problems/0/value").asText()).isEqualTo("nope,gone");
        JsonNode targets = proxy.get("/request/proxy/targets").json();
        assertThat(targets.fieldNames()).toIterable().containsExactly("t1");
        assertThat(targets.at("/t1/enabled").asBoolean()).isFalse();
    }

    @Test
    void disabledTargetIsNotProxiedUntilEnabledAgain() {
        addTarget("t1", "/foo");

        Reply disabled = proxy.put("/request/proxy/targets/t1/disable");
        Reply whileDisabled = proxy.get("/foo");
        Reply enabled = proxy.put("/request/proxy/targets/t1/enable");
        Reply whileEnabled = proxy.get("/foo");

        assertThat(disabled.body().trim()).isEqualTo("Disabled proxy targets: t1");
        assertThat(whileDisabled.headers().allValues("Via-Goto")).containsExactly("proxy");
        assertThat(enabled.body().trim()).isEqualTo("Enabled proxy targets: t1");
        assertThat(whileEnabled.headers().allValues("Via-Goto"))
                .containsExactly("proxy", "upstream");
        assertThat(proxy.get("/request/proxy/counts").json().at("/countsByTargets/t1").asLong())
                .isEqualTo(1);
    }

    @Test
    void removedAndClearedTargetsAreGone() {
        addTarget("t1", "/foo");
        addTarget("t2", "/bar");
        addTarget("t3", "/baz");

        Reply removed = proxy.post("/request/proxy/targets/t1,t2/remove");

        assertThat(removed.body().trim()).isEqualTo("Removed proxy targets: t1,t2");
        assertThat(proxy.get("/request/proxy/targets").json().fieldNames()).toIterable()
                .containsExactly("t3");
        assertThat(proxy.get("/foo").headers().allValues("Via-Goto")).containsExactly("proxy");

        Reply cleared = proxy.post("/request/proxy/targets/clear");

        assertThat(cleared.body().trim()).isEqualTo("Proxy targets cleared");
        assertThat(proxy.get("/request/proxy/targets").json().size()).isZero();
    }

    @Test
    void countsStartEmptyWithEveryFieldAndClear() {
        addTarget("t1", "/foo");
        proxy.get("/foo");

        JsonNode counted = proxy.get("/request/proxy/targets/counts").json();
        Reply cleared = proxy.post("/request/proxy/counts/clear");
        JsonNode empty = proxy.get("/request/proxy/counts").json();

        assertThat(counted.at("/countsByTargets/t1").asLong()).isEqualTo(1);
        assertThat(cleared.body().trim()).isEqualTo("Proxy counts cleared");
        assertThat(empty.fieldNames()).toIterable().containsExactly("countsByTargets",
                "countsByHeaders", "countsByHeaderValues", "countsByHeaderTargets",
                "countsByHeaderValueTargets", "countsByUris", "countsByUriTargets",
                "countsByQuery", "countsByQueryValues", "countsByQueryTargets",
                "countsByQueryValueTargets", "countsByTargetStatusCodes");
        empty.forEach(field -> assertThat(field.isObject() && field.isEmpty()).isTrue());
    }

    @Test
    void invokeSendsOneGetPerTargetAndAnswersWhatCameBack() {
        proxy.post("/request/proxy/targets/add", "{\"name\":\"t1\",\"url\":\"" + upstream.url("")
                + "\",\"match\":{\"uris\":[\"/a\"]},\"replaceURI\":\"/echo\","
                + "\"addHeaders\":[[\"z\",\"z1\"]],\"addQuery\":[[\"q\",\"v\"]]}");
        proxy.post("/request/proxy/targets/add", "{\"name\":\"t2\",\"url\":\"" + upstream.url("")
                + "\",\"match\":{\"uris\":[\"/b\"]},\"replaceURI\":\"/status/418\"}");

        Reply invoked = proxy.post("/request/proxy/targets/t1,t2/invoke");
        Reply invokedOther = proxy.post("/request/proxy/targets/invoke/t2");

        assertThat(invoked.status()).isEqualTo(200);
        JsonNode results = invoked.json();
        assertThat(results.at("/t1/status").asInt()).isEqualTo(200);
        JsonNode echoed = Reply.parse(results.at("/t1/body").asText());
        assertThat(echoed.get("path").asText()).isEqualTo("/echo");
        assertThat(echoed.at("/query/q").asText()).isEqualTo("v");
        assertThat(echoed.at("/headers/z").asText()).isEqualTo("z1");
        assertThat(results.at("/t2/status").asInt()).isEqualTo(418);
        assertThat(invokedOther.json().at("/t2/status").asInt()).isEqualTo(418);
        assertThat(proxy.get("/request/proxy/counts").json().get("countsByTargets").isEmpty())
                .isTrue();
    }

    @Test
    void invokeOfAnUnreachableTargetAnswersStatusZeroAndTheError() {
        proxy.post("/request/proxy/targets/add", "{\"name\":\"dead\",\"url\":\"http://127.0.0.1:"
                + RunningGoto.freePort() + "\",\"match\":{\"uris\":[\"/\"]}}");

        Reply invoked = proxy.post("/request/proxy/targets/dead/invoke");

        assertThat(invoked.status()).isEqualTo(200);
        assertThat(invoked.json().at("/dead/status").asInt()).isZero();
        assertThat(invoked.json().at("/dead/error").asText()).containsIgnoringCase("refused");
    }

    @Test
    void targetsBelongToTheListenerThatAddedThem() {
        int port = RunningGoto.freePort();
        proxy.post("/listeners/add", "{\"port\":" + port + ",\"label\":\"other\"}");
        HttpCalls other = proxy.onPort(port);
        addTarget("t1", "/");

        Reply onOwnPort = proxy.get("/foo");
        Reply onOtherPort = other.get("/foo");

        assertThat(onOwnPort.headers().allValues("Via-Goto")).containsExactly("proxy", "upstream");
        assertThat(onOtherPort.headers().allValues("Via-Goto")).containsExactly("other");
        assertThat(other.get("/request/proxy/targets").json().size()).isZero();
        assertThat(other.get("/request/proxy/counts").json().get("countsByTargets").isEmpty())
                .isTrue();
        proxy.post("/listeners/" + port + "/remove");
    }
}
