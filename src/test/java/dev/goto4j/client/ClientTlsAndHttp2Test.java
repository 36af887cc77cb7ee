package dev.goto4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.GotoOptions;
import dev.goto4j.testing.RunningGoto;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTPS scenario against a server whose certificate for goto.test is signed by a CA made
 * for the test, and HTTP/2 over TLS (ALPN) and cleartext (h2c, with and without upgrade).
 */
class ClientTlsAndHttp2Test {

    @TempDir
    static Path folder;

    private static Vertx vertx;
    private static HttpServer tlsServer;
    private static HttpServer plainServer;
    private static RunningGoto rightRoots;
    private static RunningGoto pemRoots;
    private static RunningGoto wrongRoots;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        TestCa ca = TestCa.create(folder, "goto-test-ca");
        TestCa otherCa = TestCa.create(folder, "other-test-ca");
        tlsServer = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true)
                        .setUseAlpn(true).setKeyCertOptions(ca.serverKeyFor("goto.test")))
                .requestHandler(ClientTlsAndHttp2Test::answer)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        plainServer = vertx.createHttpServer(new HttpServerOptions())
                .requestHandler(ClientTlsAndHttp2Test::answer)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        rightRoots = RunningGoto.start(GotoOptions.loopback(0, "right")
                .withCerts(ca.certsFolder(folder, "root.crt")));
        pemRoots = RunningGoto.start(GotoOptions.loopback(0, "pem")
                .withCerts(ca.certsFolder(folder, "root.pem")));
        wrongRoots = RunningGoto.start(GotoOptions.loopback(0, "wrong")
                .withCerts(otherCa.certsFolder(folder, "root.crt")));
        for (RunningGoto client : List.of(rightRoots, pemRoots, wrongRoots)) {
            client.put("/client/track/headers/add/sni,host-seen,proto");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        rightRoots.close();
        pemRoots.close();
        wrongRoots.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void answer(HttpServerRequest request) {
        String sni = request.connection().indicatedServerName();
        request.response().putHeader("sni", sni == null ? "none" : sni)
                .putHeader("host-seen", String.valueOf(request.getHeader("Host")))
                .putHeader("proto", request.version().name())
                .end("ok");
    }

    @Test
    void verifiesWithTheRightRootsAndTheHostHeaderAsSni() {
        JsonNode results = invoke(rightRoots, "ok", tlsUrl(), "goto.test", true, "HTTP/1.1");

        assertThat(results.at("/countsByStatusCodes/200").asLong()).isEqualTo(1);
        assertThat(results.at("/countsByHeaderValues/sni/goto.test").asLong()).isEqualTo(1);
        assertThat(results.at("/countsByHeaderValues/host-seen/goto.test").asLong()).isEqualTo(1);
    }

    @Test
    void readsRootsFromPemFilesToo() {
        JsonNode results = invoke(pemRoots, "pem", tlsUrl(), "goto.test", true, "HTTP/1.1");

        assertThat(results.at("/countsByStatusCodes/200").asLong()).isEqualTo(1);
    }

    @Test
    void refusesACertificateFromUnknownRoots() {
        JsonNode results = invoke(wrongRoots, "roots", tlsUrl(), "goto.test", true, "HTTP/1.1");

        assertThat(results.at("/countsByStatusCodes/0").asLong()).isEqualTo(1);
        assertThat(results.get("countsByStatus").fieldNames().next()).contains("SSL");
    }

    @Test
    void refusesACertificateForAnotherHost() {
        JsonNode results = invoke(rightRoots, "host", tlsUrl(), "other.test", true, "HTTP/1.1");

        assertThat(results.at("/countsByStatusCodes/0").asLong()).isEqualTo(1);
        assertThat(results.get("countsByStatus").fieldNames().next()).contains("other.test");
    }

    @Test
    void acceptsAnyCertificateWhenNotVerifying() {
        JsonNode results = invoke(wrongRoots, "any", tlsUrl(), "other.test", false, "HTTP/1.1");

        assertThat(results.at("/countsByStatusCodes/200").asLong()).isEqualTo(1);
    }

    @Test
    void speaksHttp2OverTlsWithAlpn() {
        JsonNode results = invoke(rightRoots, "h2", tlsUrl(), "goto.test", true, "HTTP/2.0");

        assertThat(results.at("/countsByHeaderValues/proto/HTTP_2").asLong()).isEqualTo(1);
    }

    @Test
    void speaksHttp2InCleartext() {
        String url = "http://127.0.0.1:" + plainServer.actualPort() + "/";

        JsonNode results = invoke(rightRoots, "h2c", url, null, false, "HTTP/2.0");

        assertThat(results.at("/countsByHeaderValues/proto/HTTP_2").asLong()).isEqualTo(1);
    }

    @Test
    void upgradesACleartextConnectionToHttp2WhenAsked() {
        String url = "http://127.0.0.1:" + plainServer.actualPort() + "/";
        rightRoots.post("/client/targets/add", """
                {"name": "upgrade", "url": "%s", "autoUpgrade": true}""".formatted(url));

        JsonNode results = rightRoots.post("/client/targets/upgrade/invoke").json()
                .get("results");

        assertThat(results.at("/countsByHeaderValues/proto/HTTP_2").asLong()).isEqualTo(1);
    }

    private static String tlsUrl() {
        return "https://127.0.0.1:" + tlsServer.actualPort() + "/";
    }

    /** Adds a one-request target, invokes it blocking, and answers that invocation's results. */
    private static JsonNode invoke(RunningGoto client, String name, String url, String host,
                                   boolean verify, String protocol) {
        String headers = host == null ? "[]" : "[[\"Host\", \"" + host + "\"]]";
        client.post("/client/targets/add", """
                {"name": "%s", "url": "%s", "headers": %s, "verifyTLS": %b,
                 "protocol": "%s"}""".formatted(name, url, headers, verify, protocol));
        return client.post("/client/targets/" + name + "/invoke").json().get("results");
    }
}
