package dev.goto4j.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The one JSON mapper of goto and the reading of request bodies into model records, turning
 * Jackson's failures into the {@link ApiException} a caller can act on.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private Json() {
    }

    /**
     * Reads a body as {@code type}: 400 when it is not JSON, 422 when it is JSON that does not
     * fit (unknown field, wrong type, a value the record refuses, a JSON null). {@code what}
     * names the thing read in the error sentence, such as "target".
     */
    public static <T> T read(Buffer body, Class<T> type, String what) {
        if (body == null || body.length() == 0) {
            throw ApiException.badRequest("missing " + what + " in the request body",
                    Problem.of("body", "", "a JSON " + what));
        }
        T read;
        try {
            read = MAPPER.readValue(body.getBytes(), type);
        } catch (ValueInstantiationException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw ApiException.invalid("invalid " + what + ": " + rootMessage(e),
                    Problem.of(path(e), null, rootMessage(e)));
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.invalid("invalid " + what + ": unknown field " + e.getPropertyName(),
                    Problem.of(path(e), e.getPropertyName(),
                            "one of " + e.getKnownPropertyIds().stream().map(String::valueOf)
                                    .sorted().collect(Collectors.joining(", "))));
        } catch (MismatchedInputException e) {
            String expected = e.getTargetType() == null ? "another type"
                    : "a value of type " + e.getTargetType().getSimpleName();
            Object value = e instanceof InvalidFormatException bad ? bad.getValue() : null;
            throw ApiException.invalid("invalid " + what + ": " + path(e) + " has the wrong type",
                    Problem.of(path(e), value, expected));
        } catch (JsonParseException e) {
            throw ApiException.badRequest("unreadable " + what + ": " + e.getOriginalMessage()
                    + at(e.getLocation()), Problem.of("body", null, "valid JSON"));
        } catch (JsonMappingException e) {
            throw ApiException.invalid("invalid " + what + ": " + e.getOriginalMessage(),
                    Problem.of(path(e), null, e.getOriginalMessage()));
        } catch (JacksonException e) {
            throw ApiException.badRequest("unreadable " + what + ": " + e.getOriginalMessage(),
                    Problem.of("body", null, "valid JSON"));
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable " + what, Problem.of("body", null, "JSON"));
        }
        // Jackson reads a JSON null as a null record rather than failing.
        if (read == null) {
            throw ApiException.invalid("invalid " + what + ": null",
                    Problem.of("body", "null", "a JSON " + what));
        }
        return read;
    }

    /** Writes a value as a compact JSON string. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
        }
    }

    /** Writes a value as JSON bytes in a Vert.x buffer. */
    public static Buffer buffer(Object value) {
        try {
            return Buffer.buffer(MAPPER.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass(), e);
        }
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                        : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static String at(JsonLocation location) {
        return location == null ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
