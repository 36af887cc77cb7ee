package dev.goto4j.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.GotoOptions;
import dev.goto4j.testing.Eventually;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobsApiTest {

    private RunningGoto goto1;

    @BeforeEach
    void start() {
        goto1 = RunningGoto.start(GotoOptions.loopback(0, "jobs").withAllowExec(true));
    }

    @AfterEach
    void stop() {
        goto1.close();
    }

    private JsonNode finishedRun(String job, int run) {
        Eventually.await("job " + job + " run " + run + " finished", () -> {
            JsonNode results = goto1.get("/jobs/" + job + "/results").json()
                    .get(String.valueOf(run));
            return results != null && results.size() > 0
                    && results.get(results.size() - 1).get("finished").asBoolean();
        });
        return goto1.get("/jobs/" + job + "/results").json().get(String.valueOf(run));
    }

    private static List<String> indexes(JsonNode results) {
        List<String> indexes = new ArrayList<>();
        results.forEach(r -> indexes.add(r.get("index").asText()));
        return indexes;
    }

    private static List<String> data(JsonNode results) {
        List<String> data = new ArrayList<>();
        results.forEach(r -> data.add(r.get("data").asText()));
        return data;
    }

    @Test
    void httpJobCallsItsTargetCountTimesAndKeepsJsonAsJson() {
        Reply added = goto1.post("/jobs/add", "{\"id\":\"job1\",\"task\":{\"name\":\"job1\","
                + "\"method\":\"POST\",\"url\":\"" + goto1.url("/echo") + "\","
                + "\"headers\":[[\"x\",\"x1\"]],\"body\":\"{\\\"test\\\":\\\"this\\\"}\","
                + "\"parseJSON\":true},\"count\":3,\"delay\":\"10ms\"}");

        Reply run = goto1.post("/jobs/job1/run");

        assertThat(added.status()).isEqualTo(200);
        assertThat(run.status()).isEqualTo(200);
        JsonNode results = finishedRun("job1", 1);
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("index").asText()).isEqualTo("1.1.1");
        assertThat(results.get(2).get("index").asText()).isEqualTo("1.3.3");
        assertThat(results.get(2).get("last").asBoolean()).isTrue();
        assertThat(results.get(0).at("/data/method").asText()).isEqualTo("POST");
        assertThat(results.get(0).at("/data/headers/x").asText()).isEqualTo("x1");
        assertThat(results.get(0).at("/data/body").asText()).isEqualTo("{\"test\":\"this\"}");
    }

    @Test
    void commandJobGivesOneResultPerLineAndKeepsTheFirst() {
        goto1.post("/jobs/add", "{\"id\":\"job2\",\"task\":{\"cmd\":\"sh\",\"args\":[\"-c\","
                + "\"echo hello; echo world\"]},\"count\":3,\"keepFirst\":true,"
                + "\"keepResults\":3}");

        goto1.post("/jobs/job2/run");

        JsonNode results = finishedRun("job2", 1);
        assertThat(data(results)).containsExactly("hello", "hello", "world", "");
        assertThat(indexes(results)).containsExactly("1.1.1", "1.3.5", "1.3.6", "1.3.7");
        assertThat(results.get(0).get("last").asBoolean()).isFalse();
        assertThat(results.get(2).get("last").asBoolean()).isTrue();
        assertThat(results.get(3).get("finished").asBoolean()).isTrue();
    }

    @Test
    void keepResultsCountsDataResultsAndTheClosingResultComesBesides() {
        goto1.post("/jobs/add", "{\"id\":\"one\",\"task\":{\"cmd\":\"sh\",\"args\":[\"-c\","
                + "\"echo a; echo b; echo c\"]},\"keepResults\":1}");
        goto1.post("/jobs/add", "{\"id\":\"firstOnly\",\"task\":{\"cmd\":\"sh\","
                + "\"args\":[\"-c\",\"echo a; echo b; echo c\"]},\"keepResults\":1,"
                + "\"keepFirst\":true}");

        goto1.post("/jobs/one,firstOnly/run");

        assertThat(data(finishedRun("one", 1))).containsExactly("c", "");
        assertThat(data(finishedRun("firstOnly", 1))).containsExactly("a", "");
    }

    @Test
    void maxResultsEndsTheRunAcrossIterations() {
        goto1.post("/jobs/add", "{\"id\":\"capped\",\"task\":{\"cmd\":\"sh\",\"args\":[\"-c\","
                + "\"echo a; echo b; echo c\"]},\"count\":3,\"maxResults\":4}");

        goto1.post("/jobs/capped/run");

        JsonNode results = finishedRun("capped", 1);
        assertThat(data(results)).containsExactly("a", "b", "c", "a", "");
        assertThat(indexes(results)).containsExactly("1.1.1", "1.1.2", "1.1.3", "1.2.4", "1.2.5");
    }

    @Test
    void aCommandThatReadsInputSeesItsEnd() {
        goto1.post("/jobs/add", "{\"id\":\"reader\",\"task\":{\"cmd\":\"cat\"}}");

        goto1.post("/jobs/reader/run");

        assertThat(data(finishedRun("reader", 1))).containsExactly("");
    }

    @Test
    void anEndlessLineIsCutAndSaysSo() {
        goto1.post("/jobs/add", "{\"id\":\"wide\",\"task\":{\"cmd\":\"sh\",\"args\":[\"-c\","
                + "\"head -c 100000 /dev/zero | tr '\\\\000' a; echo; echo next\"]}}");

        goto1.post("/jobs/wide/run");

        List<String> data = data(finishedRun("wide", 1));
        assertThat(data).hasSize(3);
        assertThat(data.get(0)).startsWith("a".repeat(OutputLines.MAX_LINE_CHARS) + " [")
                .endsWith(" [" + (100_000 - OutputLines.MAX_LINE_CHARS) + " more characters cut]");
        assertThat(data.get(1)).isEqualTo("next");
    }

    @Test
    void takesTheReferenceCommandJobSentAsCurlSendsIt() {
        Reply added = goto1.post("/jobs/add", """
                {"id": "job2", "task": {"cmd": "sh", "args": ["-c",
                  "printf `date +%s`; echo \\" Say Hello\\""],
                  "outputMarkers": {"1": "date", "3": "msg"}}, "count": 1}""",
                "Content-Type", "application/x-www-form-urlencoded");

        goto1.post("/jobs/job2/run");

        assertThat(added.status()).isEqualTo(200);
        assertThat(data(finishedRun("job2", 1)).get(0)).matches("\\d+ Say Hello");
    }

    @Test
    void maxResultsEndsTheRun() {
        goto1.post("/jobs/add", "{\"id\":\"many\",\"task\":{\"cmd\":\"sh\",\"args\":[\"-c\","
                + "\"for i in 1 2 3 4 5 6 7 8 9; do echo $i; done\"]},\"maxResults\":4}");

        goto1.post("/jobs/many/run");

        assertThat(data(finishedRun("many", 1))).containsExactly("1", "2", "3", "4", "");
    }

    @Test
    void stopEndsALongRunningCommandsProcess() {
        goto1.post("/jobs/add", "{\"id\":\"long\",\"task\":{\"cmd\":\"sh\",\"args\":[\"-c\","
                + "\"echo started; sleep 60; echo never\"]}}");
        goto1.post("/jobs/long/run");
        Eventually.await("command started", () -> goto1.get("/jobs/long/results").json()
                .path("1").size() > 0);
        List<ProcessHandle> sleepers = sleepers("60");

        Reply stopped = goto1.post("/jobs/long/stop");

        assertThat(stopped.status()).isEqualTo(200);
        JsonNode results = goto1.get("/jobs/long/results").json().get("1");
        assertThat(results.get(results.size() - 1).get("stopped").asBoolean()).isTrue();
        Eventually.await("sleep process ended",
                () -> sleepers.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(data(results)).doesNotContain("never");
    }

    @Test
    void timeoutStopsTheRunAndEndsItsProcess() {
        goto1.post("/jobs/add", "{\"id\":\"slow\",\"task\":{\"cmd\":\"sh\",\"args\":[\"-c\","
                + "\"echo one; sleep 61\"]},\"timeout\":\"1s\"}");
        goto1.post("/jobs/slow/run");
        Eventually.await("command started", () -> !sleepers("61").isEmpty());
        List<ProcessHandle> sleepers = sleepers("61");

        Eventually.await("run timed out", () -> {
            JsonNode results = goto1.get("/jobs/slow/results").json().path("1");
            return results.size() > 0 && results.get(results.size() - 1).get("stopped").asBoolean();
        });

        Eventually.await("sleep process ended",
                () -> sleepers.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(data(goto1.get("/jobs/slow/results").json().get("1")))
                .containsExactly("one", "");
    }

    @Test
    void closingTheInstanceEndsTheProcessesOfItsJobs() {
        RunningGoto other = RunningGoto.start(GotoOptions.loopback(0, "other").withAllowExec(true));
        other.post("/jobs/add", "{\"id\":\"long\",\"auto\":true,\"task\":{\"cmd\":\"sleep\","
                + "\"args\":[\"62\"]}}");
        Eventually.await("command started", () -> !sleepers("62").isEmpty());
        List<ProcessHandle> sleepers = sleepers("62");

        other.close();

        assertThat(sleepers).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void outputTriggerPassesMarkersToTheNextJob() {
        goto1.post("/jobs/add", "{\"id\":\"next\",\"task\":{\"cmd\":\"sh\",\"args\":[\"-c\","
                + "\"echo got {word} from {n}\"]}}");
        goto1.post("/jobs/add", "{\"id\":\"first\",\"task\":{\"cmd\":\"sh\",\"args\":[\"-c\","
                + "\"echo 7 hello\"],\"outputMarkers\":{\"1\":\"n\",\"2\":\"word\"}},"
                + "\"outputTrigger\":\"next\"}");

        goto1.post("/jobs/first/run");

        assertThat(data(finishedRun("next", 1))).containsExactly("got hello from 7", "");
    }

    @Test
    void markersAreCarriedToEverySuccessor() {
        goto1.post("/jobs/add", "{\"id\":\"third\",\"task\":{\"cmd\":\"echo\","
                + "\"args\":[\"{colour}-{size}\"]}}");
        goto1.post("/jobs/add", "{\"id\":\"second\",\"task\":{\"cmd\":\"echo\","
                + "\"args\":[\"size=big\"],\"outputMarkers\":{\"2\":\"size\"},"
                + "\"outputSeparator\":\"=\"},\"outputTrigger\":\"third\"}");
        goto1.post("/jobs/add", "{\"id\":\"first\",\"task\":{\"cmd\":\"echo\","
                + "\"args\":[\"red\"],\"outputMarkers\":{\"1\":\"colour\"}},"
                + "\"finishTrigger\":\"none\",\"outputTrigger\":\"second\"}");

        goto1.post("/jobs/first/run");

        assertThat(data(finishedRun("third", 1))).containsExactly("red-big", "");
    }

    @Test
    void anHttpJobTakesMarkersFromTheCommandThatTriggeredIt() {
        goto1.post("/jobs/add", "{\"id\":\"call\",\"task\":{\"method\":\"PUT\",\"url\":\""
                + goto1.url("/echo?n={n}") + "\",\"headers\":[[\"Host\",\"job.test\"]],"
                + "\"body\":\"n is {n}\",\"sendId\":true,\"parseJSON\":true}}");
        goto1.post("/jobs/add", "{\"id\":\"count\",\"task\":{\"cmd\":\"echo\","
                + "\"args\":[\"7\"],\"outputMarkers\":{\"1\":\"n\"}},\"outputTrigger\":\"call\"}");

        goto1.post("/jobs/count/run");

        JsonNode echoed = finishedRun("call", 1).get(0).get("data");
        assertThat(echoed.at("/query/n").asText()).isEqualTo("7");
        assertThat(echoed.at("/query/x-request-id").asText()).hasSize(36);
        assertThat(echoed.get("host").asText()).isEqualTo("job.test");
        assertThat(echoed.get("body").asText()).isEqualTo("n is 7");
        assertThat(goto1.get("/jobs").json().get(0).at("/task/parseJSON").asBoolean()).isTrue();
    }

    @Test
    void finishTriggerRunsTheNextJobOnCompletion() {
        goto1.post("/jobs/add", "{\"id\":\"after\",\"task\":{\"cmd\":\"echo\","
                + "\"args\":[\"done\"]}}");
        goto1.post("/jobs/add", "{\"id\":\"before\",\"task\":{\"cmd\":\"echo\","
                + "\"args\":[\"a\"]},\"count\":2,\"finishTrigger\":\"after\"}");

        goto1.post("/jobs/before/run");

        assertThat(data(finishedRun("after", 1))).containsExactly("done", "");
        assertThat(goto1.get("/jobs/after/results").json().size()).isEqualTo(1);
    }

    @Test
    void aJobTriggeringItselfStopsAtTheTriggerDepth() {
        goto1.post("/jobs/add", "{\"id\":\"loop\",\"task\":{\"cmd\":\"echo\","
                + "\"args\":[\"again\"]},\"outputTrigger\":\"loop\"}");

        goto1.post("/jobs/loop/run");

        finishedRun("loop", Jobs.MAX_TRIGGER_DEPTH + 1);
        assertThat(goto1.get("/jobs/loop/results").json().has(
                String.valueOf(Jobs.MAX_TRIGGER_DEPTH + 2))).isFalse();
    }

    @Test
    void autoJobRunsWhenAdded() {
        goto1.post("/jobs/add", "{\"id\":\"auto\",\"auto\":true,\"task\":{\"cmd\":\"echo\","
                + "\"args\":[\"hi\"]}}");

        assertThat(data(finishedRun("auto", 1))).containsExactly("hi", "");
        assertThat(goto1.get("/jobs/results").json().at("/auto/1/0/data").asText()).isEqualTo("hi");
    }

    @Test
    void commandJobsAreRefusedWithoutAllowExec() {
        try (RunningGoto locked = RunningGoto.start("locked")) {
            Reply reply = locked.post("/jobs/add", "{\"id\":\"c\",\"task\":{\"cmd\":\"echo\"}}");

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.json().get("error").asText()).contains("--allow-exec");
            assertThat(locked.get("/jobs").json().size()).isZero();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"task\":{\"cmd\":\"echo\"}}|422|id",
            "{\"id\":\"x\"}|422|task",
            "{\"id\":\"x\",\"task\":{\"cmd\":\"echo\",\"url\":\"http://a\"}}|422|task",
            "{\"id\":\"x\",\"task\":{\"cmd\":\"echo\"},\"delay\":\"soon\"}|422|delay",
            "{\"id\":\"x\",\"task\":{\"cmd\":\"echo\"},\"colour\":1}|422|colour",
            "{\"id\":\"x\",\"task\":{\"url\":\"ftp://a\"}}|422|task.url",
            "{\"id\":\"x\",\"task\":{\"url\":\"http://a\",\"delay\":\"soon\"}}|422|task.delay",
            "{\"id\":\"x\",\"task\":{\"url\":\"http://a\",\"protocol\":\"h3\"}}|422|task.protocol",
            "{\"id\":\"x\",\"task\":{\"url\":\"http://a\",\"colour\":1}}|422|task.colour",
            "{\"id\":\"x\",\"task\":{\"url\":\"http://a\",\"autoInvoke\":1}}|422|task.autoInvoke",
            "{\"id\":\"x\",\"task\":{\"url\":\"http://a\",\"parseJSON\":1}}|422|task.parseJSON",
            "{\"id\":\"x\",\"task\":{\"cmd\":\"echo\",\"colour\":1}}|422|task.colour",
            "{\"id\":\"x\",\"task\":{\"cmd\":\"echo\",\"args\":\"-n\"}}|422|task.args",
            "{\"id\":\"x\",\"task\":{\"cmd\":\"echo\"},\"count\":-1}|422|count",
            "{\"id\":\"x\",\"task\":{\"cmd\":\"echo\"},\"keepResults\":1001}|422|keepResults",
            "{\"id\":\"x\",\"task\":{\"cmd\":\"echo\"},\"timeout\":\"-1s\"}|422|timeout",
            "{\"id\":\"a,b\",\"task\":{\"cmd\":\"echo\"}}|422|id",
            "{\"id\":|400|body",
            "null|422|body"})
    void rejectsBadJobsAndChangesNothing(String body, int status, String field) {
        Reply reply = goto1.post("/jobs/add", body);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo(field);
        assertThat(goto1.get("/jobs").json().size()).isZero();
    }

    @Test
    void anUnknownHttpTaskFieldIsNamedWithTheFieldsATaskTakes() {
        Reply reply = goto1.post("/jobs/add",
                "{\"id\":\"x\",\"task\":{\"url\":\"http://a/\",\"colour\":1}}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo("task.colour");
        assertThat(reply.json().at("/problems/0/expected").asText()).contains("parseJSON", "sendID")
                .doesNotContain("autoInvoke");
    }

    @Test
    void unknownJobNamesAreNotFoundAndNothingRuns() {
        goto1.post("/jobs/add", "{\"id\":\"a\",\"task\":{\"cmd\":\"echo\"}}");

        Reply reply = goto1.post("/jobs/a,nope/run");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(goto1.get("/jobs/a/results").json().size()).isZero();
        assertThat(goto1.post("/jobs/nope/remove").status()).isEqualTo(404);
        assertThat(goto1.post("/jobs/a,nope/stop").json().at("/problems/0/value").asText())
                .isEqualTo("nope");
        assertThat(goto1.get("/jobs/nope/results").status()).isEqualTo(404);
        assertThat(goto1.get("/jobs").json().size()).isEqualTo(1);
        assertThat(goto1.get("/jobs/").json().get(0).get("id").asText()).isEqualTo("a");
    }

    @Test
    void duplicateJobIdIsAConflict() {
        goto1.post("/jobs/add", "{\"id\":\"a\",\"task\":{\"cmd\":\"echo\"}}");

        Reply reply = goto1.post("/jobs/add", "{\"id\":\"a\",\"task\":{\"cmd\":\"true\"}}");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(goto1.get("/jobs").json().get(0).at("/task/cmd").asText()).isEqualTo("echo");
    }

    /** The {@code sleep} processes below this JVM that sleep {@code seconds}. */
    private static List<ProcessHandle> sleepers(String seconds) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("sleep")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(seconds))
                        .orElse(false))
                .toList();
    }
}
