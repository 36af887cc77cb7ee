package dev.goto4j.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goto4j.http.ApiException;
import dev.goto4j.http.Problem;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** An HTTP task read through {@link Job#read}, as {@code /jobs/add} and the registry read it. */
class JobTaskTest {

    @Test
    void readsAnHttpTaskWithItsMarkersLeftInPlace() {
        Job job = Job.read(Buffer.buffer("{\"id\":\"j1\",\"task\":"
                + "{\"url\":\"http://a/{n}\",\"parseJSON\":true,\"sendId\":true}}"));

        JobTask.Http task = (JobTask.Http) job.task();
        assertThat(task.url()).isEqualTo("http://a/{n}");
        assertThat(task.parseJSON()).isTrue();
        assertThat(task.json().get("sendID").asBoolean()).isTrue();
    }

    @Test
    void refusesWhatJobsAddRefuses() {
        assertThatThrownBy(() -> Job.read(Buffer.buffer("{\"id\":\"j1\",\"task\":"
                + "{\"url\":\"http://a/\",\"colour\":1,\"delay\":\"soon\"}}")))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(422);
                    assertThat(refused.problems()).extracting(Problem::field)
                            .contains("task.colour", "task.delay");
                });
    }
}
