package dev.goto4j.client;

import dev.goto4j.http.ApiException;
import dev.goto4j.http.CommaList;
import dev.goto4j.http.Json;
import dev.goto4j.http.Problem;
import dev.goto4j.http.Replies;
import dev.goto4j.http.Routes;
import dev.goto4j.server.AdminApi;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The admin routes of the client ({@code /client/...}), one line each. */
public final class ClientRoutes implements AdminApi {

    private static final Set<String> YES = Set.of("y", "yes", "true", "1", "on");
    private static final Set<String> NO = Set.of("n", "no", "false", "0", "off");

    private final Client client;

    public ClientRoutes(Client client) {
        this.client = client;
    }

    @Override
    public List<String> roots() {
        return List.of("client");
    }

    @Override
    public void mount(Router router) {
        for (String targets : List.of("/client/targets", "/client/target")) {
            Routes.command(router, targets + "/add", this::add);
            Routes.command(router, targets + "/clear", this::clearTargets);
            Routes.command(router, targets + "/invoke/all", ctx -> invoke(ctx, true));
            Routes.command(router, targets + "/stop/all", ctx -> stop(ctx, true));
            Routes.read(router, targets + "/active", ctx -> Replies.json(ctx, client.active()));
            Routes.read(router, targets + "/list", this::list);
            Routes.read(router, targets, this::list);
            Routes.command(router, targets + "/:targets/remove", this::remove);
            Routes.command(router, targets + "/:targets/invoke", ctx -> invoke(ctx, false));
            Routes.command(router, targets + "/:targets/stop", ctx -> stop(ctx, false));
        }
        Routes.command(router, "/client/blocking/set/:flag", this::setBlocking);
        Routes.read(router, "/client/blocking",
                ctx -> Replies.json(ctx, java.util.Map.of("blocking", client.isBlocking())));
        Routes.command(router, "/client/track/headers/add/:headers", this::trackHeaders);
        Routes.command(router, "/client/track/headers/remove/:headers", this::untrackHeaders);
        Routes.command(router, "/client/track/headers/clear", this::clearHeaders);
        Routes.read(router, "/client/track/headers/list", this::trackedHeaders);
        Routes.read(router, "/client/track/headers", this::trackedHeaders);
        Routes.read(router, "/client/results/invocations",
                ctx -> Replies.json(ctx, client.invocationViews()));
        Routes.read(router, "/client/results", ctx -> Replies.json(ctx, client.results()));
        Routes.command(router, "/client/results/clear", this::clearResults);
        Routes.command(router, "/client/results/:targets/clear", this::clearTargetResults);
    }

    private void add(RoutingContext ctx) {
        Target target = Json.read(ctx.body().buffer(), Target.class, "target");
        client.add(target);
        Replies.text(ctx, "Added target: " + Json.write(target));
    }

    private void list(RoutingContext ctx) {
        Replies.json(ctx, client.targets());
    }

    private void remove(RoutingContext ctx) {
        List<String> names = CommaList.required("targets", ctx.pathParam("targets"));
        client.remove(names);
        Replies.text(ctx, "Targets " + String.join(",", names) + " removed");
    }

    private void clearTargets(RoutingContext ctx) {
        client.clearTargets();
        Replies.text(ctx, "Targets cleared");
    }

    private void invoke(RoutingContext ctx, boolean all) {
        List<String> names = all ? null : CommaList.required("targets", ctx.pathParam("targets"));
        Invocation invocation = client.invoke(names, all);
        if (!client.isBlocking()) {
            Replies.text(ctx, "Targets invoked");
            return;
        }
        invocation.finished().onComplete(ar -> {
            if (!ctx.response().closed()) {
                Replies.json(ctx, invocation.view());
            }
        });
    }

    private void stop(RoutingContext ctx, boolean all) {
        client.stop(all ? null : CommaList.required("targets", ctx.pathParam("targets")));
        Replies.text(ctx, "Targets stopped");
    }

    private void setBlocking(RoutingContext ctx) {
        String flag = ctx.pathParam("flag");
        String lower = flag.toLowerCase(Locale.ROOT);
        if (!YES.contains(lower) && !NO.contains(lower)) {
            throw ApiException.badRequest("invalid blocking flag: " + flag,
                    Problem.of("flag", flag, "y, n, true or false"));
        }
        client.setBlocking(YES.contains(lower));
        Replies.text(ctx, client.isBlocking() ? "Invocation will block for results"
                : "Invocation will not block for results");
    }

    private void trackHeaders(RoutingContext ctx) {
        List<String> headers = CommaList.required("headers", ctx.pathParam("headers"));
        client.tracked().add(headers);
        Replies.text(ctx, "Header " + String.join(",", headers) + " will be tracked");
    }

    private void untrackHeaders(RoutingContext ctx) {
        List<String> headers = CommaList.required("headers", ctx.pathParam("headers"));
        client.tracked().remove(headers);
        Replies.text(ctx, "Header " + String.join(",", headers) + " removed from tracking");
    }

    private void clearHeaders(RoutingContext ctx) {
        client.tracked().clear();
        Replies.text(ctx, "All tracking headers cleared");
    }

    private void trackedHeaders(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(String.join(",", client.tracked().names()) + "\n");
    }

    private void clearResults(RoutingContext ctx) {
        client.clearResults();
        Replies.text(ctx, "Results cleared");
    }

    private void clearTargetResults(RoutingContext ctx) {
        List<String> names = CommaList.required("targets", ctx.pathParam("targets"));
        client.clearResults(names);
        Replies.text(ctx, "Results cleared for targets " + String.join(",", names));
    }
}
