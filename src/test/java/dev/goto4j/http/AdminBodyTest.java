package dev.goto4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Admin bodies that curl --data labels as forms are read as they were sent. */
class AdminBodyTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static RunningGoto instance;

    @BeforeAll
    static void start() {
        instance = RunningGoto.start("bodies");
    }

    @AfterAll
    static void stop() {
        instance.close();
    }

    @Test
    void readsAJsonBodyWithAPercentSignLabelledAsAForm() {
        Reply reply = instance.post("/client/targets/add",
                "{\"name\":\"pct\",\"url\":\"http://a/\",\"body\":\"100% sure &x=%zz\"}",
                "Content-Type", FORM);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(instance.get("/client/targets").json().at("/0/body").asText())
                .isEqualTo("100% sure &x=%zz");
    }

    @Test
    void keepsTheFormLabelForHandlersThatUseIt() {
        instance.post("/response/payload/set/default", "a=%zz&b", "Content-Type", FORM);

        Reply served = instance.get("/anything");

        assertThat(served.body()).isEqualTo("a=%zz&b");
        assertThat(served.header("Content-Type")).isEqualTo(FORM);
        instance.post("/response/payload/clear");
    }

    @Test
    void refusesAnOversizedBodyLabelledAsAForm() {
        String big = "x".repeat((int) AdminBody.LIMIT_BYTES + 1);

        Reply reply = instance.post("/client/targets/add", big, "Content-Type", FORM);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("status").asInt()).isEqualTo(413);
    }
}
