package dev.goto4j.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/**
 * What one call made for a manual invoke got back, as the invoke endpoints answer it: the status
 * and the start of the body, or status 0 and the error when no response came.
 *
 * @param truncated true when the body was longer than {@link #MAX_BODY_BYTES} and was cut
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallResult(int status, String body, Boolean truncated, String error) {

    /** The most of a body kept for the answer; the rest is read and dropped. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** Reads {@code response} to its end, keeping at most {@link #MAX_BODY_BYTES} of its body. */
    public static Future<CallResult> read(HttpClientResponse response) {
        Promise<CallResult> result = Promise.promise();
        Buffer kept = Buffer.buffer();
        boolean[] cut = {false};
        response.handler(chunk -> {
            int room = MAX_BODY_BYTES - kept.length();
            if (chunk.length() > room) {
                cut[0] = true;
            }
            if (room > 0) {
                kept.appendBuffer(chunk, 0, Math.min(room, chunk.length()));
            }
        });
        response.exceptionHandler(e -> result.tryComplete(new CallResult(response.statusCode(),
                kept.toString(), cut[0] ? true : null, "body cut short: " + e.getMessage())));
        response.endHandler(v -> result.tryComplete(new CallResult(response.statusCode(),
                kept.toString(), cut[0] ? true : null, null)));
        return result.future();
    }

    /** The result of a call that got no response. */
    public static CallResult failed(Throwable failure) {
        return new CallResult(0, null, null, reason(failure));
    }

    /** A short reason for a failed call, with its root cause when that says more. */
    public static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage();
        if (root != failure && root.getMessage() != null && !text.contains(root.getMessage())) {
            text = text + ": " + root.getMessage();
        }
        return text;
    }
}
