package dev.goto4j.job;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One result of a job: {@code index} is {@code run.iteration.result}; {@code data} is a line of
 * command output, or an HTTP answer (JSON kept as JSON with {@code parseJSON}).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobResult(String index, boolean finished, boolean stopped, boolean last,
                        String time, Object data) {
}
