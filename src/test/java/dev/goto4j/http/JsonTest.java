package dev.goto4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Thing(String name) {
    }

    @Test
    void refusesAJsonNullWith422() {
        assertThatThrownBy(() -> Json.read(Buffer.buffer("null"), Thing.class, "thing"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.problems()).extracting(Problem::field).containsExactly("body");
                });
    }

    @Test
    void readsAJsonNullAsATreeForCallersThatJudgeItThemselves() {
        assertThat(Json.read(Buffer.buffer("null"), JsonNode.class, "thing").isNull()).isTrue();
    }
}
