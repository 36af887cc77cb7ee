package dev.goto4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.GotoOptions;
import dev.goto4j.testing.RunningGoto;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SelfSignedCertificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTPS scenario against a server whose certificate was made for the test (for the name
 * goto.test), and HTTP/2 over TLS (ALPN) and cleartext (h2c).
 */
class ClientTlsAndHttp2Test {

    @TempDir
    static Path folder;

    private static Vertx vertx;
    private static SelfSignedCertificate serverCert;
    private static SelfSignedCertificate otherCert;
    private static HttpServer tlsServer;
    private static HttpServer plainServer;
    private static RunningGoto rightRoots;
    private static RunningGoto wrongRoots;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        serverCert = SelfSignedCertificate.create("goto.test");
        otherCert = SelfSignedCertificate.create("goto.test");
        tlsServer = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setSni(true)
                        .setUseAlpn(true).setKeyCertOptions(serverCert.keyCertOptions()))
                .requestHandler(ClientTlsAndHttp2Test::answer)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        plainServer = vertx.createHttpServer(new HttpServerOptions())
                .requestHandler(ClientTlsAndHttp2Test::answer)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        rightRoots = RunningGoto.start(GotoOptions.loopback(0, "right")
                .withCerts(certsFolder("right", serverCert)));
        wrongRoots = RunningGoto.start(GotoOptions.loopback(0, "wrong")
                .withCerts(certsFolder("wrong", otherCert)));
        rightRoots.put("/client/track/headers/add/sni,host-seen,proto");
        wrongRoots.put("/client/track/headers/add/sni,host-seen,proto");
    }

    @AfterAll
    static void stop() throws Exception {
        rightRoots.close();
        wrongRoots.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        serverCert.delete();
        otherCert.delete();
    }

    private static void answer(HttpServerRequest request) {
        String sni = request.connection().indicatedServerName();
        request.response().putHeader("sni", sni == null ? "none" : sni)
                .putHeader("host-seen", String.valueOf(request.getHeader("Host")))
                .putHeader("proto", request.version().name())
                .end("ok");
    }

    private static Path certsFolder(String name, SelfSignedCertificate cert) throws IOException {
        Path dir = Files.createDirectories(folder.resolve(name));
        Files.copy(Path.of(cert.certificatePath()), dir.resolve("root.crt"));
        return dir;
    }

    @Test
    void verifiesWithTheRightRootsAndTheHostHeaderAsSni() {
        JsonNode results = invoke(rightRoots, "ok", tlsUrl(), "goto.test", true, "HTTP/1.1");

        assertThat(results.at("/countsByStatusCodes/200").asLong()).isEqualTo(1);
        assertThat(results.at("/countsByHeaderValues/sni/goto.test").asLong()).isEqualTo(1);
        assertThat(results.at("/countsByHeaderValues/host-seen/goto.test").asLong()).isEqualTo(1);
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
