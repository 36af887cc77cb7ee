package dev.goto4j.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goto4j.client.Target;
import dev.goto4j.http.Json;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** What one iteration of a job does: an HTTP call or an OS command. */
public sealed interface JobTask permits JobTask.Http, JobTask.Command {

    /**
     * An HTTP task: the fields of a client target, sent as the client sends one (protocol, TLS
     * roots and verification, Host as SNI, timeouts, retries), plus {@code parseJSON} to keep a
     * JSON answer as JSON in the results. The URL, header values and body may hold
     * {@code {marker}} references, so the fields are kept as given and made into a target,
     * checked as any target is, each time the task runs.
     */
    record Http(ObjectNode fields, boolean parseJSON) implements JobTask {

        private static final List<String> TEXT_FIELDS = List.of("url", "body");

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
