package dev.goto4j.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goto4j.client.Target;
import dev.goto4j.http.ApiException;
import dev.goto4j.http.Json;
import dev.goto4j.http.Problem;
import dev.goto4j.job.Job;
import io.vertx.core.buffer.Buffer;

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
     * A job, checked exactly as a peer's {@code /jobs/add} checks it. A command job is kept: each
     * peer refuses it or runs it by its own {@code --allow-exec}.
     */
    static ObjectNode job(Buffer body) {
        Job.read(body);
        return object(body, "job");
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
