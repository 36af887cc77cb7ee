package dev.goto4j.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.goto4j.http.Json;
import org.junit.jupiter.api.Test;

/** An HTTP task read on its own, as the registry reads the jobs it keeps. */
class JobTaskTest {

    @Test
    void readsAnHttpTaskWithItsMarkersLeftInPlace() throws Exception {
        JobTask.Http task = Json.MAPPER.treeToValue(Json.MAPPER.readTree(
                "{\"url\":\"http://a/{n}\",\"parseJSON\":true,\"sendId\":true}"),
                JobTask.Http.class);

        assertThat(task.url()).isEqualTo("http://a/{n}");
        assertThat(task.parseJSON()).isTrue();
        assertThat(task.json().get("sendID").asBoolean()).isTrue();
    }

    @Test
    void refusesWhatJobsAddRefuses() {
        assertThatThrownBy(() -> Json.MAPPER.treeToValue(Json.MAPPER.readTree(
                "{\"url\":\"http://a/\",\"colour\":1,\"delay\":\"soon\"}"), JobTask.Http.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("task.colour").hasMessageContaining("task.delay");
    }
}
