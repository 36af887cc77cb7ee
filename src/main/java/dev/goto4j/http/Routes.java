package dev.goto4j.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Small helpers that keep admin route tables short and alike across capabilities. */
public final class Routes {

    private Routes() {
    }

    /** A command route, answering both PUT and POST as goto always has. */
    public static Route command(Router router, String path, Handler<RoutingContext> handler) {
        return router.route(path).method(HttpMethod.PUT).method(HttpMethod.POST).handler(handler);
    }

    /** A read route (GET). */
    public static Route read(Router router, String path, Handler<RoutingContext> handler) {
        return router.get(path).handler(handler);
    }

    /** Answers with {@code sentence} once {@code work} succeeds, or with its failure. */
    public static <T> void replyWhenDone(RoutingContext ctx, Future<T> work,
                                         Function<T, String> sentence) {
        work.onComplete(ar -> {
            if (ar.succeeded()) {
                Replies.text(ctx, sentence.apply(ar.result()));
            } else {
                ctx.fail(ar.cause());
            }
        });
    }

    /** A path parameter read as an int within bounds; 400 naming it otherwise. */
    public static int intParam(RoutingContext ctx, String name, int min, int max) {
        String text = ctx.pathParam(name);
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the expected range.
        }
        throw ApiException.badRequest("invalid " + name + ": " + text,
                Problem.of(name, text, "a number from " + min + " to " + max));
    }
}
