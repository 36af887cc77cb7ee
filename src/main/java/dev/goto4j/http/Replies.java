package dev.goto4j.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How admin calls answer: commands with a short sentence, reads with JSON, and every failure with
 * the one error shape {@code {"error", "status", "problems"}}. Built here and nowhere else.
 */
public final class Replies {

    private static final Logger log = LoggerFactory.getLogger(Replies.class);
    private static final CharSequence TEXT = HttpHeaders.createOptimized("text/plain; charset=utf-8");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    private Replies() {
    }

    /** Answers a command with one sentence of plain text. */
    public static void text(RoutingContext ctx, String sentence) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, TEXT).end(sentence + "\n");
    }

    /** Answers a read with the JSON form of {@code value}. */
    public static void json(RoutingContext ctx, Object value) {
        json(ctx.response(), 200, value);
    }

    public static void json(HttpServerResponse response, int status, Object value) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(Json.buffer(value));
    }

    /** Answers with the error shape for {@code e}. */
    public static void error(HttpServerResponse response, ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("status", e.status());
        body.put("problems", e.problems());
        json(response, e.status(), body);
    }

    /** The failure handler of the admin router: maps whatever went wrong to the error shape. */
    public static void failure(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        Throwable failure = ctx.failure();
        String path = ctx.request().path();
        if (failure instanceof ApiException api) {
            log.debug("{} {} answered {}: {}", ctx.request().method(), path, api.status(),
                    api.error());
            error(ctx.response(), api);
            return;
        }
        int status = ctx.statusCode();
        if (failure == null && status == 413) {
            error(ctx.response(), new ApiException(413, "request body too large",
                    List.of(Problem.of("body", null, "at most " + AdminBody.LIMIT_BYTES + " bytes"))));
        } else if (failure == null && status == 405) {
            error(ctx.response(), new ApiException(405, "method " + ctx.request().method()
                    + " not allowed on " + path, List.of()));
        } else if (failure == null && status > 0 && status < 500) {
            error(ctx.response(), new ApiException(status, "cannot serve " + path, List.of()));
        } else {
            String id = UUID.randomUUID().toString();
            log.error("Admin call {} {} failed, error id {}", ctx.request().method(), path, id,
                    failure);
            error(ctx.response(), new ApiException(500, "internal error, id " + id, List.of()));
        }
    }
}
