package dev.goto4j.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goto4j.client.Target;
import dev.goto4j.http.ApiException;
import dev.goto4j.http.Json;
import dev.goto4j.http.Problem;
import io.vertx.core.buffer.Buffer;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** What one iteration of a job does: an HTTP call or an OS command. */
public sealed interface JobTask permits JobTask.Http, JobTask.Command {

    /** The problems of a task's own fields, named as fields of the task. */
    static List<Problem> taskProblems(ApiException e) {
        return e.problems().stream().map(p -> new Problem(
                "body".equals(p.field()) ? "task" : "task." + p.field(), p.value(),
                p.expected())).toList();
    }

    /**
     * An HTTP task: the fields of a client target, sent as the client sends one (protocol, TLS
     * roots and verification, Host as SNI, timeouts, retries), plus {@code parseJSON} to keep a
     * JSON answer as JSON in the results. The URL, header values and body may hold
     * {@code {marker}} references, so the fields are kept as given and made into a target,
     * checked as any target is, each time the task runs.
     */
    record Http(ObjectNode fields, boolean parseJSON) implements JobTask {

        private static final List<String> TEXT_FIELDS = List.of("url", "body");
        /** The fields a task takes besides parseJSON: a target's, but autoInvoke. */
        private static final Set<String> FIELDS = Arrays.stream(
                        Target.class.getRecordComponents())
                .map(RecordComponent::getName)
                .filter(name -> !name.equals("autoInvoke"))
                .collect(Collectors.toCollection(TreeSet::new));

        /**
         * Reads a task as {@code /jobs/add} does, adding what is wrong to {@code problems}
         * (fields named {@code task.<field>}); null if anything is.
         */
        static Http read(ObjectNode node, String defaultName, List<Problem> problems) {
            ObjectNode fields = node.deepCopy();
            JsonNode parseJson = fields.remove("parseJSON");
            int before = problems.size();
            if (parseJson != null && !parseJson.isBoolean() && !parseJson.isNull()) {
                problems.add(Problem.of("task.parseJSON", parseJson, "true or false"));
            }
            if (fields.has("sendId") && !fields.has("sendID")) {
                // The reference spells it sendId for tasks and sendID for targets.
                fields.set("sendID", fields.remove("sendId"));
            }
            if (fields.has("autoInvoke")) {
                problems.add(Problem.of("task.autoInvoke", fields.remove("autoInvoke"),
                        "no autoInvoke in a task: the job's own auto field starts it"));
            }
            fields.fieldNames().forEachRemaining(name -> {
                if (!FIELDS.contains(name)) {
                    problems.add(Problem.of("task." + name, name,
                            "one of " + String.join(", ", FIELDS) + ", parseJSON"));
                }
            });
            if (!fields.hasNonNull("name")) {
                fields.put("name", defaultName);
            }
            Http task = new Http(fields, parseJson != null && parseJson.asBoolean());
            try {
                task.check();
            } catch (ApiException e) {
                problems.addAll(taskProblems(e));
            }
            return problems.size() == before ? task : null;
        }

        /** The URL as given, marker references unfilled. */
        public String url() {
            JsonNode url = fields.get("url");
            return url == null || url.isNull() ? null : url.asText();
        }

        @JsonValue
        ObjectNode json() {
            ObjectNode node = fields.deepCopy();
            node.put("parseJSON", parseJSON);
            return node;
        }

        /** The target with its {@code {marker}} references filled; 422 if it is not valid. */
        Target resolved(Map<String, String> markers) {
            return target(text -> Markers.substitute(text, markers));
        }

        /** Checks the fields as a target, with every marker reference standing for a word. */
        void check() {
            target(Markers::placeholder);
        }

        private Target target(UnaryOperator<String> fill) {
            ObjectNode node = fields.deepCopy();
            for (String field : TEXT_FIELDS) {
                if (node.path(field).isTextual()) {
                    node.put(field, fill.apply(node.get(field).asText()));
                }
            }
            for (JsonNode header : node.path("headers")) {
                if (header instanceof ArrayNode pair && pair.size() == 2
                        && pair.get(1).isTextual()) {
                    pair.set(1, pair.textNode(fill.apply(pair.get(1).asText())));
                }
            }
            return Json.read(Buffer.buffer(node.toString()), Target.class, "task");
        }
    }

    /**
     * An OS command. Each line it prints is one result; {@code outputMarkers} name the fields of
     * a line (1-based, split by {@code outputSeparator}, a space by default) for successor jobs.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Command(String cmd, List<String> args, Map<Integer, String> outputMarkers,
                   String outputSeparator) implements JobTask {

        String separator() {
            return outputSeparator == null || outputSeparator.isEmpty() ? " " : outputSeparator;
        }
    }
}
