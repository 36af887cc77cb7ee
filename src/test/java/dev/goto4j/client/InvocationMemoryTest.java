package dev.goto4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goto4j.testing.RunningGoto;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InvocationMemoryTest {

    @Test
    void finishedInvocationKeepsItsResultsButLetsItsLiveCountersGo() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (RunningGoto server = RunningGoto.start("Server")) {
            Client client = new Client(vertx, null, 1000);
            client.add(new Target("t1", "GET", server.url("/echo"), null, null, null, null,
                    null, 2, 3, null, "0s", null, null, null, null, null, null, null, null,
                    null, null));

            Invocation invocation = client.invoke(List.of("t1"), false);
            invocation.finished().toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);

            assertThat(invocation.runs()).isEmpty();
            Invocation.View view = invocation.view();
            assertThat(view.finished()).isTrue();
            assertThat(view.results().targetInvocationCounts()).containsEntry("t1", 6L);
            assertThat(view.status().get("t1").completedRequestCount()).isEqualTo(6);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
