package dev.goto4j.server.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.GotoOptions;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code --max-tracked-values} caps what the server counts by value. */
class TrackedValueCapTest {

    private RunningGoto goto1;

    @BeforeEach
    void start() {
        goto1 = RunningGoto.start(GotoOptions.loopback(0, "Capped").withMaxTrackedValues(3));
    }

    @AfterEach
    void stop() {
        goto1.close();
    }

    @Test
    void serverCountsValuesPastTheCapUnderOneKey() {
        goto1.put("/request/headers/track/add/id");
        goto1.post("/request/uri/counts/enable");

        for (int i = 0; i < 5; i++) {
            goto1.get("/path" + i, "id", "v" + i);
        }

        JsonNode byValue = goto1.get("/request/headers/track/id/counts").json()
                .get("RequestCountsByHeaderValue");
        assertThat(byValue).isEqualTo(Reply.parse(
                "{\"v0\":1,\"v1\":1,\"v2\":1,\"(other values)\":2}"));
        assertThat(goto1.get("/request/uri/counts").json().get("(other values)").asLong())
                .isEqualTo(2);
    }
}
