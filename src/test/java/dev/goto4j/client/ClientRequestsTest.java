package dev.goto4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a target's requests carry on the wire, seen by a server that reports it back. */
class ClientRequestsTest {

    private static Vertx vertx;
    private static HttpServer server;
    private static RunningGoto client;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        server = vertx.createHttpServer().requestHandler(ClientRequestsTest::answer)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        client = RunningGoto.start("Client");
        client.put("/client/track/headers/add/request-id,connection-id,seen");
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Answers with the request's id, its connection and what it carried, as headers. */
    private static void answer(HttpServerRequest request) {
        if (request.path().equals("/close")) {
            request.response().putHeader("Connection", "close");
        }
        request.body().onSuccess(body -> request.response()
                .putHeader("request-id", String.valueOf(request.getParam("x-request-id")))
                .putHeader("connection-id",
                        String.valueOf(System.identityHashCode(request.connection())))
                .putHeader("seen", request.method() + " " + request.path() + "?"
                        + request.getParam("a") + " " + request.authority() + " "
                        + request.getHeader("x") + " " + body)
                .end());
    }

    @Test
    void sendIdAddsAFreshUuidToEveryRequest() {
        JsonNode results = invoke("""
                {"name": "ids", "url": "%s", "requestCount": 5, "delay": "0s",
                 "sendID": true}""".formatted(url("/p")));

        List<String> ids = new ArrayList<>();
        results.at("/countsByHeaderValues/request-id").fieldNames().forEachRemaining(ids::add);
        assertThat(ids).hasSize(5);
        assertThat(ids).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(4));
    }

    @Test
    void sendsTheMethodHeadersBodyAndHostOfTheTarget() {
        JsonNode results = invoke("""
                {"name": "shape", "method": "patch", "url": "%s",
                 "headers": [["x", "x1"], ["Host", "named.test:81"]], "body": "hello"}"""
                .formatted(url("/some/api?a=1")));

        assertThat(results.at("/countsByHeaderValues/seen").fieldNames().next())
                .isEqualTo("PATCH /some/api?1 named.test:81 x1 hello");
        assertThat(results.at("/countsByHeaderValues/request-id/null").asLong()).isEqualTo(1);
    }

    @Test
    void reusesAtMostOneKeepAliveConnectionPerReplica() {
        JsonNode results = invoke("""
                {"name": "pooled", "url": "%s", "replicas": 3, "requestCount": 10,
                 "delay": "0s"}""".formatted(url("/")));

        JsonNode connections = results.at("/countsByHeaderValues/connection-id");
        assertThat(connections.size()).isBetween(1, 3);
        assertThat(results.at("/countsByHeaders/connection-id").asLong()).isEqualTo(30);
    }

    @Test
    void opensANewConnectionWhenTheServerClosesOne() {
        JsonNode results = invoke("""
                {"name": "closing", "url": "%s", "requestCount": 20, "delay": "0s"}"""
                .formatted(url("/close")));

        assertThat(results.at("/countsByStatusCodes")).isEqualTo(Reply.parse("{\"200\":20}"));
        assertThat(results.at("/countsByHeaderValues/connection-id").size()).isEqualTo(20);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    private static JsonNode invoke(String target) {
        String name = client.post("/client/targets/add", target).body()
                .replaceAll("(?s).*\"name\":\"([^\"]+)\".*", "$1");
        return client.post("/client/targets/" + name + "/invoke").json().get("results");
    }
}
