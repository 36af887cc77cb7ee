package dev.goto4j.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/** What one iteration of a job does: an HTTP call or an OS command. */
public sealed interface JobTask permits JobTask.Http, JobTask.Command {

    /**
     * An HTTP task: the client target's fields, plus {@code parseJSON} to keep a JSON answer as
     * JSON in the results. Fields that only matter to the client's traffic engine (such as
     * {@code autoInvoke}) are accepted so a target can be reused as a task as it is.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(value = {"autoInvoke", "autoUpgrade", "protocol", "initialDelay",
            "retries", "retryDelay", "retriableStatusCodes", "connTimeout", "connIdleTimeout",
            "keepOpen", "bodyReader"})
    record Http(String name, String method, String url, List<List<String>> headers, String body,
                Integer replicas, Integer requestCount, String delay, Boolean sendID,
                Boolean verifyTLS, String requestTimeout, Boolean parseJSON)
            implements JobTask {

        int replicaCount() {
            return replicas == null || replicas < 1 ? 1 : replicas;
        }

        int requestsPerReplica() {
            return requestCount == null || requestCount < 1 ? 1 : requestCount;
        }

        boolean keepsJson() {
            return Boolean.TRUE.equals(parseJSON);
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
