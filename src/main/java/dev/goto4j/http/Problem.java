package dev.goto4j.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One thing wrong with a request: which field, the value received, and what was expected. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String field, String value, String expected) {

    public static Problem of(String field, Object value, String expected) {
        return new Problem(field, value == null ? null : String.valueOf(value), expected);
    }
}
