package dev.goto4j.server;

import dev.goto4j.http.AdminBody;
import dev.goto4j.http.ApiException;
import dev.goto4j.http.Problem;
import dev.goto4j.http.Replies;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Builds the admin router of a listener from the routes every capability mounts. */
final class AdminRouters implements Function<Listener, Router> {

    private final Vertx vertx;
    private final List<AdminApi> apis;

    AdminRouters(Vertx vertx, List<AdminApi> apis) {
        this.vertx = vertx;
        this.apis = List.copyOf(apis);
    }

    List<String> roots() {
        List<String> roots = new ArrayList<>();
        apis.forEach(api -> roots.addAll(api.roots()));
        return roots;
    }

    @Override
    public Router apply(Listener listener) {
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            ctx.put(Listener.CONTEXT_KEY, listener);
            ctx.next();
        });
        router.route().handler(AdminBody.handler());
        apis.forEach(api -> api.mount(router));
        router.route().handler(ctx -> ctx.fail(new ApiException(404,
                "no admin API at " + ctx.request().method() + " " + ctx.request().path(),
                List.of(Problem.of("path", ctx.request().path(), "a path listed in the README")))));
        router.route().failureHandler(Replies::failure);
        return router;
    }
}
