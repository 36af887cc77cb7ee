package dev.goto4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goto4j.http.Json;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The invocation results the client hands to readers outside its admin API. */
class InvocationResultsTest {

    @Test
    void aFinishedInvocationAnswersTheSameResultsObjectWithTheJsonOfTheApi() {
        try (RunningGoto goto1 = RunningGoto.start("client")) {
            goto1.post("/client/targets/add", "{\"name\":\"t1\",\"url\":\""
                    + goto1.url("/echo") + "\",\"requestCount\":3,\"delay\":\"1ms\"}");
            goto1.post("/client/targets/t1/invoke");
            Client client = goto1.instance().client();

            List<Client.InvocationResults> first = client.invocationResults();
            List<Client.InvocationResults> second = client.invocationResults();

            assertThat(first).hasSize(1);
            assertThat(first.get(0).index()).isEqualTo(1);
            assertThat(first.get(0).finished()).isTrue();
            assertThat(first.get(0).results().targetInvocationCounts()).containsEntry("t1", 3L);
            assertThat(second.get(0).results()).isSameAs(first.get(0).results());
            assertThat(Reply.parse(Json.write(first.get(0).results()))).isEqualTo(
                    goto1.get("/client/results/invocations").json().at("/1/results"));
        }
    }
}
