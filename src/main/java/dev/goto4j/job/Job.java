package dev.goto4j.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goto4j.http.ApiException;
import dev.goto4j.http.Checks;
import dev.goto4j.http.Durations;
import dev.goto4j.http.Json;
import dev.goto4j.http.Problem;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A job as configured: what to run, how often, and what to keep of its results. */
public record Job(String id, JobTask task, boolean auto, String delay, String initialDelay,
                  Integer count, Integer maxResults, Integer keepResults, boolean keepFirst,
                  String timeout, String outputTrigger, String finishTrigger) {

    /** Results kept per run when {@code keepResults} is not given, and the most ever kept. */
    public static final int RESULTS_CAP = 1000;

    /**
     * Reads and checks a job from a request body as {@code /jobs/add} takes it: 400 when it is
     * not JSON, 422 naming every problem at once when it is not a valid job. The registry checks
     * the jobs it keeps for its peers with it too. Whether command jobs may run is for the
     * instance that runs them to decide, so they are not refused here.
     */
    public static Job read(Buffer body) {
        Spec spec = Json.read(body, Spec.class, "job");
        List<Problem> problems = new ArrayList<>();
        String id = spec.id();
        Checks.name(problems, "id", id, "job id");
        JobTask task = task(id, spec.task(), problems);
        for (String[] field : new String[][] {{"delay", spec.delay()},
                {"initialDelay", spec.initialDelay()}, {"timeout", spec.timeout()}}) {
            checkDuration(field[0], field[1], problems);
        }
        checkCount("count", spec.count(), Integer.MAX_VALUE, problems);
        checkCount("maxResults", spec.maxResults(), Integer.MAX_VALUE, problems);
        checkCount("keepResults", spec.keepResults(), RESULTS_CAP, problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid("invalid job " + id, problems);
        }
        return new Job(id, task, bool(spec.auto()), spec.delay(), spec.initialDelay(),
                spec.count(), spec.maxResults(), spec.keepResults(), bool(spec.keepFirst()),
                spec.timeout(), blankToNull(spec.outputTrigger()),
                blankToNull(spec.finishTrigger()));
    }

    private static JobTask task(String id, JsonNode node, List<Problem> problems) {
        if (node == null || !node.isObject()) {
            problems.add(Problem.of("task", node, "an HTTP task (url) or a command task (cmd)"));
            return null;
        }
        boolean isCommand = node.has("cmd");
        boolean isHttp = node.has("url");
        if (isCommand == isHttp) {
            problems.add(Problem.of("task", node.toString(),
                    "either an HTTP task with url or a command task with cmd, not "
                            + (isCommand ? "both" : "neither")));
            return null;
        }
        try {
            return isCommand ? command(node, problems) : http(id, (ObjectNode) node, problems);
        } catch (ApiException e) {
            problems.addAll(JobTask.taskProblems(e));
            return null;
        }
    }

    private static JobTask command(JsonNode node, List<Problem> problems) {
        JobTask.Command command = Json.read(Buffer.buffer(node.toString()), JobTask.Command.class,
                "task");
        if (command.cmd() == null || command.cmd().isBlank()) {
            problems.add(Problem.of("task.cmd", command.cmd(), "a command to run"));
        }
        return command;
    }

    /** An HTTP task is a client target plus parseJSON; its name defaults to the job id. */
    private static JobTask http(String id, ObjectNode node, List<Problem> problems) {
        return JobTask.Http.read(node, id == null || id.isBlank() ? "job" : id, problems);
    }

    private static void checkDuration(String field, String text, List<Problem> problems) {
        try {
            Durations.parseField(field, text);
        } catch (ApiException e) {
            problems.addAll(e.problems());
        }
    }

    private static void checkCount(String field, Integer value, int max,
                                   List<Problem> problems) {
        if (value != null && (value < 0 || value > max)) {
            problems.add(Problem.of(field, value, max == Integer.MAX_VALUE ? "a number >= 0"
                    : "a number from 0 to " + max));
        }
    }

    private static boolean bool(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    Duration delayDuration() {
        return Durations.parse(delay);
    }

    Duration initialDelayDuration() {
        return Durations.parse(initialDelay);
    }

    Duration timeoutDuration() {
        return Durations.parse(timeout);
    }

    int iterations() {
        return count == null || count < 1 ? 1 : count;
    }

    /** Data results a run keeps, the first one included when {@code keepFirst}. */
    int resultsKept() {
        return keepResults == null || keepResults < 1 ? RESULTS_CAP : keepResults;
    }

    /** Whether a run has had all the results it may have. */
    boolean isFull(int results) {
        return maxResults != null && maxResults > 0 && results >= maxResults;
    }

    boolean isCommand() {
        return task instanceof JobTask.Command;
    }

    /** The body as sent, before the task kind is known. */
    record Spec(String id, JsonNode task, Boolean auto, String delay, String initialDelay,
                Integer count, Integer maxResults, Integer keepResults, Boolean keepFirst,
                String timeout, String outputTrigger, String finishTrigger) {
    }
}
