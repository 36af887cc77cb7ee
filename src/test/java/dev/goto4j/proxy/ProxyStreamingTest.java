package dev.goto4j.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.http.AdminBody;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies far larger than anything goto reads whole (the admin limit) stream through the proxy
 * intact both ways, and upstreams that refuse or drop the call are answered with a 502.
 */
class ProxyStreamingTest {

    private static final int SIZE = 20 * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private static RunningGoto proxy;
    private static DigestServer upstream;
    private static byte[] body;
    private static String expected;

    @BeforeAll
    static void start() throws Exception {
        proxy = RunningGoto.start("proxy");
        upstream = new DigestServer();
        body = DigestServer.pattern(0, SIZE);
        expected = SIZE + " " + HexFormat.of().formatHex(DigestServer.sha256().digest(body));
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
        proxy.post("/request/proxy/targets/add", "{\"name\":\"digest\",\"url\":\""
                + upstream.url() + "\",\"match\":{\"uris\":[\"/\"]}}");
    }

    @Test
    void requestBodyWithALengthReachesUpstreamIntact() throws Exception {
        HttpResponse<String> reply = HTTP.send(post(HttpRequest.BodyPublishers.ofByteArray(body)),
                HttpResponse.BodyHandlers.ofString());

        assertThat(SIZE).isGreaterThan((int) AdminBody.LIMIT_BYTES * 10);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(expected);
    }

    @Test
    void chunkedRequestBodyReachesUpstreamIntact() throws Exception {
        HttpRequest request = post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body)));

        HttpResponse<String> reply = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(expected);
    }

    @Test
    void chunkedResponseBodyStreamsBackIntact() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(proxy.url("/bytes/" + SIZE)))
                .timeout(Duration.ofSeconds(60)).build();

        HttpResponse<InputStream> reply = HTTP.send(request,
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(digestOf(reply.body())).isEqualTo(expected);
    }

    @Test
    void upstreamThatClosesWithoutAnsweringGetsA502AndIsCounted() {
        Reply reply = proxy.get("/close");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().get("status").asInt()).isEqualTo(502);
        assertThat(reply.json().get("error").asText()).startsWith("proxy target digest at ");
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo("url");
        JsonNode counts = proxy.get("/request/proxy/counts").json();
        assertThat(counts.at("/countsByTargetStatusCodes/digest/0").asLong()).isEqualTo(1);
    }

    @Test
    void unreachableUpstreamGetsA502NamingTheReasonAndIsCounted() {
        proxy.post("/request/proxy/targets/add", "{\"name\":\"dead\",\"url\":\"http://127.0.0.1:"
                + RunningGoto.freePort() + "\",\"match\":{\"uris\":[\"/dead\"]}}");
        proxy.post("/request/proxy/targets/digest/disable");

        Reply reply = proxy.get("/dead");
        Reply again = proxy.send("POST", "/dead", "a body nobody takes");

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.json().get("error").asText()).contains("dead").containsIgnoringCase("refused");
        assertThat(reply.headers().allValues("Via-Goto")).containsExactly("proxy");
        assertThat(again.status()).isEqualTo(502);
        JsonNode counts = proxy.get("/request/proxy/counts").json();
        assertThat(counts.at("/countsByTargetStatusCodes/dead/0").asLong()).isEqualTo(2);
        assertThat(counts.at("/countsByTargets/dead").asLong()).isEqualTo(2);
        assertThat(proxy.get("/request/proxy/targets").status()).isEqualTo(200);
    }

    private static HttpRequest post(HttpRequest.BodyPublisher publisher) {
        return HttpRequest.newBuilder(URI.create(proxy.url("/digest")))
                .timeout(Duration.ofSeconds(60)).POST(publisher).build();
    }

    private static String digestOf(InputStream in) throws Exception {
        MessageDigest digest = DigestServer.sha256();
        long length = 0;
        byte[] chunk = new byte[DigestServer.CHUNK];
        try (in) {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                digest.update(chunk, 0, n);
                length += n;
            }
        }
        return length + " " + HexFormat.of().formatHex(digest.digest());
    }
}
