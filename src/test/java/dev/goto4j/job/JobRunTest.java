package dev.goto4j.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The results a run keeps, as {@code /jobs/results} and the locker reporter read them. */
class JobRunTest {

    private final Job job = Job.read(Buffer.buffer(
            "{\"id\":\"j1\",\"task\":{\"cmd\":\"echo\"},\"count\":2}"));

    @Test
    void aRunningRunAnswersAFreshListThatGrows() {
        JobRun run = new JobRun(job, 1, Map.of(), 0);
        run.add(1, "a");

        var before = run.results();
        run.add(2, "b");

        assertThat(before).extracting(JobResult::data).containsExactly("a");
        assertThat(run.results()).extracting(JobResult::data).containsExactly("a", "b");
    }

    @Test
    void anEndedRunAnswersTheSameListEveryTime() {
        JobRun run = new JobRun(job, 1, Map.of(), 0);
        run.add(1, "a");

        run.finish(false);

        assertThat(run.results()).isSameAs(run.results());
        assertThat(run.results()).extracting(JobResult::finished).containsExactly(false, true);
        assertThat(run.add(2, "late")).isFalse();
        assertThat(run.results()).hasSize(2);
    }
}
