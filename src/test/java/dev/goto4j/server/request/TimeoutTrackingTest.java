package dev.goto4j.server.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.testing.Eventually;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The scenario "Track Request/Connection Timeouts", with clients that give up early. */
class TimeoutTrackingTest {

    private RunningGoto goto1;

    @BeforeEach
    void start() {
        goto1 = RunningGoto.start("Timeouts");
    }

    @AfterEach
    void stop() {
        goto1.close();
    }

    @Test
    void countsClientsThatCloseBeforeTheDelayedAnswer() throws IOException {
        goto1.post("/request/uri/counts/enable");
        goto1.post("/request/timeout/track/all");
        goto1.post("/request/timeout/track/headers/x");
        goto1.put("/response/delay/set/10s");

        giveUpOn("/someuri", "x: x1");
        giveUpOn("/someuri", "y: y1");
        Eventually.await("two closed connections", () ->
                status().at("/all/ConnectionClosed").asLong() == 2);
        goto1.put("/response/delay/clear");
        Reply answered = goto1.get("/someuri", "x", "x2");

        assertThat(answered.status()).isEqualTo(200);
        JsonNode status = status();
        assertThat(status.get("all")).isEqualTo(
                Reply.parse("{\"ConnectionClosed\":2,\"RequestCompleted\":1}"));
        assertThat(status.get("headers")).isEqualTo(Reply.parse("""
                {"x": {"x1": {"ConnectionClosed": 1, "RequestCompleted": 0},
                       "x2": {"ConnectionClosed": 0, "RequestCompleted": 1}}}"""));
    }

    @Test
    void clearStopsTrackingAndForgetsCounts() {
        goto1.post("/request/timeout/track/all");
        goto1.get("/a");

        goto1.post("/request/timeout/track/clear");
        goto1.get("/a");

        assertThat(status().get("all")).isEqualTo(
                Reply.parse("{\"ConnectionClosed\":0,\"RequestCompleted\":0}"));
        assertThat(status().get("trackAll").asBoolean()).isFalse();
    }

    @Test
    void untrackedRequestsAreNotCounted() {
        goto1.post("/request/timeout/track/headers/x");

        goto1.get("/a", "y", "y1");

        assertThat(status().get("all")).isEqualTo(
                Reply.parse("{\"ConnectionClosed\":0,\"RequestCompleted\":0}"));
        assertThat(status().at("/headers/x").isEmpty()).isTrue();
    }

    private JsonNode status() {
        return goto1.post("/request/timeout/status").json();
    }

    /**
     * Sends a request and closes the connection once goto has received it (its URI count
     * shows it), as a client whose timeout is shorter than the delay.
     */
    private void giveUpOn(String path, String header) throws IOException {
        long before = goto1.get("/request/uri/counts").json().path(path).asLong();
        try (Socket socket = new Socket("127.0.0.1", goto1.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + header + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Eventually.await("request received", () ->
                    goto1.get("/request/uri/counts").json().path(path).asLong() > before);
        }
    }
}
