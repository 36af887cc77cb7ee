package dev.goto4j.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.http.ApiException;
import dev.goto4j.http.Durations;
import dev.goto4j.http.Json;
import dev.goto4j.http.Problem;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A job as configured: what to run, how often, and what to keep of its results. */
public record Job(String id, JobTask task, boolean auto, String delay, String initialDelay,
                  Integer count, Integer maxResults, Integer keepResults, boolean keepFirst,
                  String timeout, String outputTrigger, String finishTrigger) {

    /** Results kept per run when {@code keepResults} is not given, and the most ever kept. */
    public static final int RESULTS_CAP = 1000;

    /** Reads and checks a job from a request body, reporting every problem at once. */
    static Job read(Buffer body) {
        Spec spec = Json.read(body, Spec.class, "job");
        List<Problem> problems = new ArrayList<>();
        if (spec.id() == null || spec.id().isBlank()) {
            problems.add(Problem.of("id", spec.id(), "a non-empty job id"));
        }
        JobTask task = task(spec.task(), problems);
        for (String[] field : new String[][] {{"delay", spec.delay()},
                {"initialDelay", spec.initialDelay()}, {"timeout", spec.timeout()}}) {
            checkDuration(field[0], field[1], problems);
        }
        if (task instanceof JobTask.Http http) {
            checkDuration("task.delay", http.delay(), problems);
            checkDuration("task.requestTimeout", http.requestTimeout(), problems);
        }
        checkCount("count", spec.count(), problems);
        checkCount("maxResults", spec.maxResults(), problems);
        checkCount("keepResults", spec.keepResults(), problems);
        if (!problems.isEmpty()) {
            throw ApiException.invalid("invalid job " + spec.id(), problems);
        }
        return new Job(spec.id(), task, bool(spec.auto()), spec.delay(), spec.initialDelay(),
                spec.count(), spec.maxResults(), spec.keepResults(), bool(spec.keepFirst()),
                spec.timeout(), blankToNull(spec.outputTrigger()),
                blankToNull(spec.finishTrigger()));
    }

    private static JobTask task(JsonNode node, List<Problem> problems) {
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
            Class<? extends JobTask> kind = isCommand ? JobTask.Command.class : JobTask.Http.class;
            JobTask task = Json.MAPPER.treeToValue(node, kind);
            if (task instanceof JobTask.Command command && (command.cmd() == null || command.cmd().isBlank())) {
                problems.add(Problem.of("task.cmd", "", "a command to run"));
            }
            if (task instanceof JobTask.Http http && !String.valueOf(http.url()).matches("https?://.+")) {
                problems.add(Problem.of("task.url", http.url(), "an http or https URL"));
            }
            return task;
        } catch (IOException e) {
            String message = e.getMessage().lines().findFirst().orElse("");
            problems.add(Problem.of("task", node.toString(), message));
            return null;
        }
    }

    private static void checkDuration(String field, String text, List<Problem> problems) {
        try {
            Durations.parseField(field, text);
        } catch (ApiException e) {
            problems.addAll(e.problems());
        }
    }

    private static void checkCount(String field, Integer value, List<Problem> problems) {
        if (value != null && value < 0) {
            problems.add(Problem.of(field, value, "a number >= 0"));
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

    int resultsKept() {
        return keepResults == null || keepResults < 1 ? RESULTS_CAP
                : Math.min(keepResults, RESULTS_CAP);
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
