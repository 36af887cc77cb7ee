package dev.goto4j.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.GotoOptions;
import dev.goto4j.testing.Eventually;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import dev.goto4j.util.BoundedMap;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runtime traffic through a goto proxy to goto upstreams: each match kind with its captures and
 * rewriting, checked on what the upstream's {@code /echo} saw.
 */
class ProxyForwardingTest {

    private static RunningGoto proxy;
    private static RunningGoto upstream;
    private static RunningGoto upstream2;

    @BeforeAll
    static void start() {
        proxy = RunningGoto.start("proxy");
        upstream = RunningGoto.start("upstream");
        upstream2 = RunningGoto.start("upstream2");
    }

    @AfterAll
    static void stop() {
        proxy.close();
        upstream.close();
        upstream2.close();
    }

    @BeforeEach
    void reset() {
        proxy.post("/request/proxy/targets/clear");
        proxy.post("/request/proxy/counts/clear");
    }

    /** Adds a target to {@code upstream} from the JSON fields after name and url. */
    private static void addTarget(String name, String fields) {
        Reply added = proxy.post("/request/proxy/targets/add", "{\"name\":\"" + name
                + "\",\"url\":\"" + upstream.url("") + "\"," + fields + "}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
    }

    @Test
    void uriPlaceholdersFillTheReplacementUri() {
        addTarget("t1", "\"match\":{\"uris\":[\"/x/{x}/y/{y}\"]},"
                + "\"replaceURI\":\"/echo/abc/{y:.*}/def/{x:.*}\"");

        JsonNode echoed = proxy.get("/x/22/y/33?keep=1").json();
        Reply other = proxy.get("/x/22/z/33");

        assertThat(echoed.get("path").asText()).isEqualTo("/echo/abc/33/def/22");
        assertThat(echoed.at("/query/keep").asText()).isEqualTo("1");
        assertThat(other.headers().allValues("Via-Goto")).containsExactly("proxy");
    }

    @Test
    void uriPlaceholderWithItsOwnRegexMatchesOnlyWhatTheRegexMatches() {
        addTarget("t1", "\"match\":{\"uris\":[\"/id/{n:[0-9]+}\"]},\"replaceURI\":\"/echo/{n}\"");

        JsonNode matched = proxy.get("/id/42").json();
        Reply unmatched = proxy.get("/id/abc");

        assertThat(matched.get("path").asText()).isEqualTo("/echo/42");
        assertThat(unmatched.headers().allValues("Via-Goto")).containsExactly("proxy");
    }

    @Test
    void uriWithoutPlaceholdersMatchesExactlyAndSlashMatchesEverything() {
        addTarget("exact", "\"match\":{\"uris\":[\"/my/fancy/api\"]}");

        Reply exact = proxy.get("/my/fancy/api");
        Reply longer = proxy.get("/my/fancy/api/v2");
        addTarget("all", "\"match\":{\"uris\":[\"/\"]}");
        Reply anything = proxy.get("/some/uri?a=b");

        assertThat(exact.headers().allValues("Via-Goto")).containsExactly("proxy", "upstream");
        assertThat(exact.json().get("uri").asText()).isEqualTo("/my/fancy/api");
        assertThat(longer.headers().allValues("Via-Goto")).containsExactly("proxy");
        assertThat(anything.json().get("uri").asText()).isEqualTo("/some/uri?a=b");
    }

    @Test
    void headerCapturesFillAddedHeadersAndRemovedHeadersGo() {
        addTarget("t2", "\"match\":{\"headers\":[[\"foo\",\"{x}\"],[\"bar\",\"{y}\"]]},"
                + "\"replaceURI\":\"/echo\",\"addHeaders\":[[\"abc\",\"{x}\"],[\"def\",\"{y}\"]],"
                + "\"removeHeaders\":[\"foo\"]");

        JsonNode both = proxy.get("/any", "foo", "123", "bar", "456").json().get("headers");
        JsonNode onlyBar = proxy.get("/any", "bar", "789").json().get("headers");
        Reply neither = proxy.get("/any", "baz", "1");

        assertThat(both.get("abc").asText()).isEqualTo("123");
        assertThat(both.get("def").asText()).isEqualTo("456");
        assertThat(both.get("bar").asText()).isEqualTo("456");
        assertThat(both.has("foo")).isFalse();
        assertThat(onlyBar.get("def").asText()).isEqualTo("789");
        assertThat(onlyBar.has("abc")).isFalse();
        assertThat(neither.headers().allValues("Via-Goto")).containsExactly("proxy");
    }

    @Test
    void headerWithOnlyANameMatchesOnPresenceAndLiteralValueMustBeEqual() {
        addTarget("present", "\"match\":{\"headers\":[[\"foo\"]]},\"replaceURI\":\"/echo\"");
        addTarget("literal", "\"match\":{\"headers\":[[\"mode\",\"blue\"]]},"
                + "\"replaceURI\":\"/echo\"");

        Reply present = proxy.get("/p", "Foo", "anything");
        Reply blue = proxy.get("/p", "mode", "blue");
        Reply green = proxy.get("/p", "mode", "green");

        assertThat(present.headers().allValues("Via-Goto")).containsExactly("proxy", "upstream");
        assertThat(blue.headers().allValues("Via-Goto")).containsExactly("proxy", "upstream");
        assertThat(green.headers().allValues("Via-Goto")).containsExactly("proxy");
    }

    @Test
    void queryCapturesFillAddedQueryAndRemovedParametersGo() {
        addTarget("t3", "\"match\":{\"query\":[[\"foo\",\"{x}\"],[\"bar\",\"{y}\"]]},"
                + "\"replaceURI\":\"/echo\",\"addQuery\":[[\"abc\",\"{x}\"],[\"def\",\"{y}\"]],"
                + "\"removeQuery\":[\"foo\"]");

        JsonNode query = proxy.get("/?foo=123&bar=456").json().get("query");
        JsonNode encoded = proxy.get("/?foo=a%20b").json().get("query");

        assertThat(query.get("abc").asText()).isEqualTo("123");
        assertThat(query.get("def").asText()).isEqualTo("456");
        assertThat(query.get("bar").asText()).isEqualTo("456");
        assertThat(query.has("foo")).isFalse();
        assertThat(encoded.get("abc").asText()).isEqualTo("a b");
        assertThat(encoded.has("def")).isFalse();
    }

    @Test
    void sendIdAddsADistinctRequestIdToEachCall() {
        addTarget("t1", "\"match\":{\"uris\":[\"/echo\"]},\"sendID\":true");

        String first = proxy.get("/echo").json().at("/query/x-request-id").asText();
        String second = proxy.get("/echo").json().at("/query/x-request-id").asText();

        assertThat(first).isNotBlank().isNotEqualTo(second);
    }

    @Test
    void urlPathPrefixesTheForwardedPath() {
        proxy.post("/request/proxy/targets/add", "{\"name\":\"t1\",\"url\":\"" + upstream.url("/echo")
                + "\",\"match\":{\"uris\":[\"/inner/{rest}\"]}}");

        JsonNode echoed = proxy.get("/inner/part?q=1").json();

        assertThat(echoed.get("uri").asText()).isEqualTo("/echo/inner/part?q=1");
    }

    @Test
    void methodBodyStatusAndEndToEndHeadersPassButHopByHopHeadersDoNot() {
        addTarget("t1", "\"match\":{\"uris\":[\"/echo\",\"/status/{code}\"]}");

        Reply echoed = proxy.send("PUT", "/echo", "some body", "X-Keep", "1",
                "Proxy-Thing", "p", "Keep-Alive", "timeout=5", "TE", "trailers");
        Reply status = proxy.get("/status/418");

        JsonNode seen = echoed.json();
        assertThat(seen.get("method").asText()).isEqualTo("PUT");
        assertThat(seen.get("body").asText()).isEqualTo("some body");
        assertThat(seen.at("/headers/X-Keep").asText()).isEqualTo("1");
        assertThat(seen.get("headers").has("Proxy-Thing")).isFalse();
        assertThat(seen.get("headers").has("Keep-Alive")).isFalse();
        assertThat(seen.get("headers").has("TE")).isFalse();
        assertThat(seen.get("host").asText()).isEqualTo("127.0.0.1:" + upstream.port());
        assertThat(status.status()).isEqualTo(418);
        assertThat(status.body()).contains("Requested status: 418");
    }

    @Test
    void responseDelayHoldsARequestBeforeItGoesUpstreamAndKeepsItsBody() throws IOException {
        addTarget("t1", "\"match\":{\"uris\":[\"/echo\"]}");
        proxy.post("/request/uri/counts/enable");
        proxy.put("/response/delay/set/10s");

        try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
            socket.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Length: 4\r\n\r\nheld").getBytes(StandardCharsets.US_ASCII));
            Eventually.await("the proxy received the request", () ->
                    proxy.get("/request/uri/counts").json().path("/echo").asLong() == 1);

            assertThat(proxy.get("/request/proxy/counts").json().get("countsByTargets").isEmpty())
                    .isTrue();
        }
        proxy.put("/response/delay/set/20ms");
        Reply delayed = proxy.send("POST", "/echo", "payload");
        proxy.put("/response/delay/clear");

        assertThat(delayed.headers().allValues("Via-Goto")).containsExactly("proxy", "upstream");
        assertThat(delayed.json().get("body").asText()).isEqualTo("payload");
    }

    @Test
    void answersWithoutABodyAreNotSentChunked() {
        addTarget("t1", "\"match\":{\"uris\":[\"/\"]}");

        Reply head = proxy.send("HEAD", "/echo", null);
        Reply noContent = proxy.get("/status/204");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.headers().allValues("Via-Goto")).containsExactly("proxy", "upstream");
        assertThat(head.header("Transfer-Encoding")).isNull();
        assertThat(noContent.status()).isEqualTo(204);
        assertThat(noContent.header("Transfer-Encoding")).isNull();
        assertThat(noContent.body()).isEmpty();
    }

    @Test
    void responseCarriesTheProxysIdentityThenTheUpstreams() {
        addTarget("t1", "\"match\":{\"uris\":[\"/\"]}");

        Reply reply = proxy.get("/foo");

        assertThat(reply.headers().allValues("Via-Goto")).containsExactly("proxy", "upstream");
        assertThat(reply.headers().allValues("Goto-Host")).hasSize(2);
        assertThat(reply.headers().allValues("Goto-Host").get(0)).endsWith(":" + proxy.port());
        assertThat(reply.headers().allValues("Goto-Host").get(1)).endsWith(":" + upstream.port());
    }

    @Test
    void everyMatchingTargetIsCalledAndTheFirstAddedAnswers() {
        addTarget("first", "\"match\":{\"uris\":[\"/\"]}");
        proxy.post("/request/proxy/targets/add", "{\"name\":\"second\",\"url\":\""
                + upstream2.url("") + "\",\"match\":{\"headers\":[[\"x\"]]}}");

        Reply reply = proxy.get("/both", "x", "1");

        assertThat(reply.headers().allValues("Via-Goto")).containsExactly("proxy", "upstream");
        JsonNode counts = proxy.get("/request/proxy/counts").json();
        assertThat(counts.at("/countsByTargets/first").asLong()).isEqualTo(1);
        assertThat(counts.at("/countsByTargets/second").asLong()).isEqualTo(1);
        Eventually.await("the second target's call counted", () ->
                proxy.get("/request/proxy/counts").json()
                        .at("/countsByTargetStatusCodes/second/200").asLong() == 1);
    }

    @Test
    void replicasMakeSeveralUpstreamCallsForOneRequest() {
        addTarget("t1", "\"match\":{\"uris\":[\"/echo\"]},\"replicas\":3");

        Reply reply = proxy.send("POST", "/echo", "payload");

        assertThat(reply.json().get("body").asText()).isEqualTo("payload");
        Eventually.await("three upstream calls counted", () ->
                proxy.get("/request/proxy/counts").json()
                        .at("/countsByTargetStatusCodes/t1/200").asLong() == 3);
        assertThat(proxy.get("/request/proxy/counts").json().at("/countsByTargets/t1").asLong())
                .isEqualTo(1);
    }

    @Test
    void countsMatchesByUriHeaderAndQueryWithTheirTargets() {
        addTarget("byUri", "\"match\":{\"uris\":[\"/x/{x}\"]}");
        addTarget("byHeader", "\"match\":{\"headers\":[[\"foo\",\"{f}\"]]}");
        addTarget("byQuery", "\"match\":{\"query\":[[\"q\"]]}");

        proxy.get("/x/1");
        proxy.get("/x/1");
        proxy.get("/other", "foo", "f1");
        proxy.get("/other?q=v1");
        proxy.get("/x/2?q=v2", "foo", "f2");

        JsonNode c = proxy.get("/request/proxy/counts").json();
        assertThat(c.at("/countsByTargets/byUri").asLong()).isEqualTo(3);
        assertThat(c.at("/countsByTargets/byHeader").asLong()).isEqualTo(2);
        assertThat(c.at("/countsByTargets/byQuery").asLong()).isEqualTo(2);
        assertThat(c.at("/countsByUris/~1x~11").asLong()).isEqualTo(2);
        assertThat(c.at("/countsByUriTargets/~1x~12?q=v2/byUri").asLong()).isEqualTo(1);
        assertThat(c.at("/countsByHeaders/foo").asLong()).isEqualTo(2);
        assertThat(c.at("/countsByHeaderValues/foo/f1").asLong()).isEqualTo(1);
        assertThat(c.at("/countsByHeaderTargets/foo/byHeader").asLong()).isEqualTo(2);
        assertThat(c.at("/countsByHeaderValueTargets/foo/f2/byHeader").asLong()).isEqualTo(1);
        assertThat(c.at("/countsByQuery/q").asLong()).isEqualTo(2);
        assertThat(c.at("/countsByQueryValues/q/v1").asLong()).isEqualTo(1);
        assertThat(c.at("/countsByQueryTargets/q/byQuery").asLong()).isEqualTo(2);
        assertThat(c.at("/countsByQueryValueTargets/q/v2/byQuery").asLong()).isEqualTo(1);
    }

    @Test
    void distinctUrisPastTheCapAreCountedUnderTheOverflowKey() {
        addTarget("t1", "\"match\":{\"uris\":[\"/n/{n}\"]}");

        int cap = GotoOptions.DEFAULT_MAX_TRACKED_VALUES;

        for (int i = 0; i < cap + 5; i++) {
            proxy.get("/n/" + i);
        }

        JsonNode uris = proxy.get("/request/proxy/counts").json().get("countsByUris");
        assertThat(uris.size()).isEqualTo(cap + 1);
        assertThat(uris.get(BoundedMap.OVERFLOW).asLong()).isEqualTo(5);
        long total = 0;
        for (JsonNode count : uris) {
            total += count.asLong();
        }
        assertThat(total).isEqualTo(cap + 5);
    }
}
