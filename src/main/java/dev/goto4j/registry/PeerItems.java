package dev.goto4j.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goto4j.client.Target;
import dev.goto4j.http.ApiException;
import dev.goto4j.http.Durations;
import dev.goto4j.http.Json;
import dev.goto4j.http.Problem;
import dev.goto4j.job.JobTask;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the targets and jobs given to the registry and refuses malformed ones before they are
 * kept or pushed, so a bad item never reaches a peer. They are kept as the JSON they came in,
 * because each peer reads them again through its own API.
 */
final class PeerItems {

    private PeerItems() {
    }

    /** A target, checked exactly as a peer's {@code /client/targets/add} checks it. */
    static ObjectNode target(Buffer body) {
        Json.read(body, Target.class, "target");
        return object(body, "target");
    }

    /**
     * A job, checked for what a peer needs to accept it: an id, a task that is either an HTTP
     * task ({@code url}) or a command ({@code cmd}), and readable durations and counts. The
     * job's own reader is not public, so this mirrors its checks; fields added to jobs later
     * pass through and the peers judge them.
     */
    static ObjectNode job(Buffer body) {
        ObjectNode job = object(body, "job");
        List<Problem> problems = new ArrayList<>();
        if (job.path("id").asText("").isBlank()) {
            problems.add(Problem.of("id", job.path("id").asText(null), "a non-empty job id"));
        }
        checkTask(job.get("task"), problems);
        for (String field : List.of("delay", "initialDelay", "timeout")) {
            checkDuration(field, job.get(field), problems);
        }
        for (String field : List.of("count", "maxResults", "keepResults")) {
            JsonNode count = job.get(field);
            if (count != null && !count.isNull() && !(count.isInt() && count.asInt() >= 0)) {
                problems.add(Problem.of(field, count.toString(), "a number >= 0"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalid("invalid job " + job.path("id").asText(""), problems);
        }
        return job;
    }

    private static void checkTask(JsonNode task, List<Problem> problems) {
        if (task == null || !task.isObject() || task.has("cmd") == task.has("url")) {
            problems.add(Problem.of("task", task,
                    "either an HTTP task with url or a command task with cmd"));
            return;
        }
        try {
            if (task.has("cmd")) {
                Json.MAPPER.treeToValue(task, JobTask.Command.class);
            } else {
                JobTask.Http http = Json.MAPPER.treeToValue(task, JobTask.Http.class);
                if (!String.valueOf(http.url()).matches("https?://.+")) {
                    problems.add(Problem.of("task.url", http.url(), "an http or https URL"));
                }
                checkDuration("task.delay", task.get("delay"), problems);
                checkDuration("task.requestTimeout", task.get("requestTimeout"), problems);
            }
        } catch (JsonProcessingException e) {
            problems.add(Problem.of("task", task.toString(),
                    e.getOriginalMessage().lines().findFirst().orElse("a valid task")));
        }
    }

    private static void checkDuration(String field, JsonNode value, List<Problem> problems) {
        if (value == null || value.isNull()) {
            return;
        }
        try {
            Durations.parseField(field, value.isTextual() ? value.asText() : value.toString());
        } catch (ApiException e) {
            problems.addAll(e.problems());
        }
    }

    private static ObjectNode object(Buffer body, String what) {
        JsonNode node = Json.read(body, JsonNode.class, what);
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.invalid("invalid " + what + ": not a JSON object",
                    Problem.of("body", node.getNodeType(), "a JSON object"));
        }
        return object;
    }
}
