package dev.goto4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.testing.HttpCalls;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import java.io.IOException;
import java.net.ServerSocket;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListenersApiTest {

    private RunningGoto goto1;

    @BeforeEach
    void start() {
        goto1 = RunningGoto.start("Server-main");
    }

    @AfterEach
    void stop() {
        goto1.close();
    }

    @Test
    void addedListenerServesWithItsOwnLabel() {
        int port = freePort();

        Reply added = goto1.post("/listeners/add",
                "{\"port\":" + port + ",\"protocol\":\"http\",\"label\":\"Server-extra\"}");
        Reply served = goto1.onPort(port).get("/some/path");

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).contains("Listener " + port + " added");
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Via-Goto")).isEqualTo("Server-extra");
        assertThat(served.header("Goto-Host")).endsWith(":" + port);
        JsonNode listing = goto1.get("/listeners").json();
        assertThat(listing.at("/" + port + "/label").asText()).isEqualTo("Server-extra");
        assertThat(listing.at("/" + port + "/open").asBoolean()).isTrue();
        assertThat(listing.at("/" + goto1.port() + "/label").asText()).isEqualTo("Server-main");
    }

    @Test
    void closedListenerFreesItsPortAndReopens() {
        int port = freePort();
        goto1.post("/listeners/add", "{\"port\":" + port + "}");

        Reply closed = goto1.put("/listeners/" + port + "/close");

        assertThat(closed.status()).isEqualTo(200);
        assertThat(goto1.get("/listeners").json().at("/" + port + "/open").asBoolean()).isFalse();
        assertThat(canBind(port)).isTrue();

        Reply reopened = goto1.post("/listeners/" + port + "/open");

        assertThat(reopened.status()).isEqualTo(200);
        assertThat(goto1.onPort(port).get("/label").body().trim()).isEqualTo(String.valueOf(port));
    }

    @Test
    void removedListenerIsGone() {
        int port = freePort();
        goto1.post("/listeners/add", "{\"port\":" + port + "}");

        Reply removed = goto1.post("/listeners/" + port + "/remove");

        assertThat(removed.status()).isEqualTo(200);
        assertThat(goto1.get("/listeners").json().has(String.valueOf(port))).isFalse();
        assertThat(goto1.post("/listeners/" + port + "/open").status()).isEqualTo(404);
    }

    @Test
    void startUpListenerCannotBeRemoved() {
        Reply reply = goto1.post("/listeners/" + goto1.port() + "/remove");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(goto1.get("/label").status()).isEqualTo(200);
    }

    @Test
    void duplicatePortIsAConflict() {
        int port = freePort();
        goto1.post("/listeners/add", "{\"port\":" + port + ",\"label\":\"first\"}");

        Reply reply = goto1.post("/listeners/add", "{\"port\":" + port + ",\"label\":\"second\"}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("status").asInt()).isEqualTo(409);
        assertThat(goto1.get("/listeners").json().at("/" + port + "/label").asText())
                .isEqualTo("first");
    }

    @Test
    void portInUseIsAConflictAndNothingIsAdded() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();

            Reply reply = goto1.post("/listeners/add", "{\"port\":" + port + "}");

            assertThat(reply.status()).isEqualTo(409);
            assertThat(goto1.get("/listeners").json().has(String.valueOf(port))).isFalse();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"port\":70000}|422|port",
            "{\"port\":0}|422|port",
            "{\"port\":\"abc\"}|422|port",
            "{\"port\":8081,\"protocol\":\"tcp\"}|422|protocol",
            "{\"port\":8081,\"colour\":\"red\"}|422|colour",
            "{\"port\":|400|body",
            "''|400|body"})
    void rejectsBadListenerAndChangesNothing(String body, int status, String field) {
        Reply reply = goto1.post("/listeners/add", body);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo(field);
        assertThat(goto1.get("/listeners").json().size()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"/listeners/abc/close, 400", "/listeners/99999/open, 400",
            "/listeners/65000/close, 404"})
    void rejectsBadOrUnknownPortInPath(String path, int status) {
        Reply reply = goto1.put(path);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().at("/problems/0/field").asText()).isNotEmpty();
    }

    @Test
    void labelBelongsToTheListenerThatReceivedTheCall() {
        int port = freePort();
        goto1.post("/listeners/add", "{\"port\":" + port + ",\"label\":\"B\"}");
        HttpCalls other = goto1.onPort(port);

        Reply set = goto1.put("/label/set/A");

        assertThat(set.status()).isEqualTo(200);
        assertThat(goto1.get("/label").body().trim()).isEqualTo("A");
        assertThat(goto1.get("/anything").header("Via-Goto")).isEqualTo("A");
        assertThat(other.get("/label").body().trim()).isEqualTo("B");
        assertThat(other.get("/anything").header("Via-Goto")).isEqualTo("B");
    }

    @Test
    void clearedLabelFallsBackToTheDefault() {
        goto1.put("/label/set/Changed");

        goto1.put("/label/clear");

        assertThat(goto1.get("/label").body().trim()).isEqualTo("Server-main");
    }

    @Test
    void unknownAdminPathIsNotFound() {
        Reply reply = goto1.get("/listeners/nothing/here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asText()).contains("/listeners/nothing/here");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
