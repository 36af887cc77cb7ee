package dev.goto4j.server;

import dev.goto4j.http.Json;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;

/**
 * The answering stage at the end of the pipeline: {@code /echo} echoes the request with its body,
 * {@code /status/{code}} answers that status, and every other path gets the catch-all answer, a
 * 200 describing the request (without reading its body, to keep the hot path cheap).
 */
public final class Responders implements RuntimeStage {

    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    @Override
    public void handle(Exchange exchange) {
        String path = exchange.request().path();
        if (path == null) {
            path = "";
        }
        if (path.equals("/echo") || path.startsWith("/echo/")) {
            echo(exchange);
        } else if (path.startsWith("/status/")) {
            StatusResponder.answer(exchange, path.substring("/status/".length()));
        } else {
            catchAll(exchange);
        }
    }

    private static void echo(Exchange exchange) {
        HttpServerRequest request = exchange.request();
        exchange.body().onComplete(ar -> {
            Map<String, Object> description = RequestDescription.of(request);
            description.put("body", ar.succeeded() ? ar.result().toString() : "");
            exchange.response().setStatusCode(exchange.statusOr(200))
                    .putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(Json.buffer(description));
        });
    }

    private static void catchAll(Exchange exchange) {
        exchange.response().setStatusCode(exchange.statusOr(200))
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(Json.buffer(RequestDescription.of(exchange.request())));
    }
}
