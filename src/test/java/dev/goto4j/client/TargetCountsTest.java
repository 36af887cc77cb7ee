package dev.goto4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetCountsTest {

    @Test
    void valuesAndErrorsPastTheCapAreCountedUnderOneKey() {
        TargetCounts counts = new TargetCounts("t1", 3);

        for (int i = 0; i < 5; i++) {
            counts.response(200, MultiMap.caseInsensitiveMultiMap().add("x", "v" + i),
                    new String[] {"x"}, 1_000);
            counts.failure("error " + i, 1_000);
        }

        ClientResults results = ClientResults.of(List.of(counts));
        assertThat(results.countsByHeaderValues().get("x"))
                .containsEntry("(other values)", 2L).hasSize(4);
        assertThat(results.countsByStatus()).containsEntry("(other values)", 2L)
                .containsEntry("200 OK", 5L);
        assertThat(results.countsByStatusCodes()).containsEntry("0", 5L);
    }
}
