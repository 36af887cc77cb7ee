package dev.goto4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RespondersTest {

    private static RunningGoto goto1;

    @BeforeAll
    static void start() {
        goto1 = RunningGoto.start("Responder");
    }

    @AfterAll
    static void stop() {
        goto1.close();
    }

    @Test
    void echoAnswersTheRequestWithItsBody() {
        Reply reply = goto1.send("PUT", "/echo?a=1", "{\"hello\":\"world\"}", "X-Test", "yes");

        JsonNode echo = reply.json();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(echo.get("method").asText()).isEqualTo("PUT");
        assertThat(echo.get("uri").asText()).isEqualTo("/echo?a=1");
        assertThat(echo.at("/query/a").asText()).isEqualTo("1");
        assertThat(echo.get("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(echo.get("host").asText()).isEqualTo("127.0.0.1:" + goto1.port());
        assertThat(echo.at("/headers/X-Test").asText()).isEqualTo("yes");
        assertThat(echo.get("body").asText()).isEqualTo("{\"hello\":\"world\"}");
    }

    @Test
    void statusAnswersTheRequestedCode() {
        Reply reply = goto1.get("/status/418");

        assertThat(reply.status()).isEqualTo(418);
        assertThat(reply.header("Via-Goto")).isEqualTo("Responder");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/status/abc", "/status/99", "/status/600", "/status/1234"})
    void statusRefusesWhatIsNotACode(String path) {
        Reply reply = goto1.get(path);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo("status");
    }

    @Test
    void catchAllDescribesAnyOtherRequest() {
        Reply reply = goto1.send("DELETE", "/some/api/1?x=y", null, "foo", "bar");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("method").asText()).isEqualTo("DELETE");
        assertThat(reply.json().get("path").asText()).isEqualTo("/some/api/1");
        assertThat(reply.json().at("/headers/foo").asText()).isEqualTo("bar");
    }

    @Test
    void everyResponseCarriesTheIdentityHeaders() {
        for (String path : new String[] {"/label", "/listeners", "/echo", "/status/503", "/x"}) {
            Reply reply = goto1.get(path);

            assertThat(reply.header("Via-Goto")).as(path).isEqualTo("Responder");
            assertThat(reply.header("Goto-Host")).as(path)
                    .matches(".+\\..+@.+:" + goto1.port());
        }
    }

    @Test
    void adminBodiesOverTheLimitAreRefused() {
        String big = "x".repeat(2 * 1024 * 1024);

        Reply reply = goto1.post("/listeners/add", big);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(goto1.get("/label").status()).isEqualTo(200);
    }
}
