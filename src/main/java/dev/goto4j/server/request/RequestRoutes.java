package dev.goto4j.server.request;

import static dev.goto4j.http.Routes.command;
import static dev.goto4j.http.Routes.read;

import dev.goto4j.http.CommaList;
import dev.goto4j.http.Replies;
import dev.goto4j.server.AdminApi;
import dev.goto4j.server.Listener;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Admin routes for what a listener observes of its requests: tracked headers and timeouts. */
public final class RequestRoutes implements AdminApi {

    @Override
    public List<String> roots() {
        return List.of("request");
    }

    @Override
    public void mount(Router router) {
        String track = "/request/headers/track";
        command(router, track + "/add/:headers", this::track);
        command(router, track + "/remove/:headers", this::untrack);
        command(router, track + "/:headers/remove", this::untrack);
        command(router, track + "/clear", this::clearTracking);
        command(router, track + "/counts/clear/:headers", this::clearCounts);
        command(router, track + "/counts/clear", this::clearCounts);
        read(router, track + "/counts", ctx -> Replies.json(ctx, tracking(ctx).view()));
        read(router, track + "/:header/counts", ctx ->
                Replies.json(ctx, tracking(ctx).view(ctx.pathParam("header"))));
        read(router, track + "/list", ctx -> Replies.json(ctx, tracking(ctx).names()));
        read(router, track, ctx -> Replies.json(ctx, tracking(ctx).names()));

        String timeout = "/request/timeout";
        command(router, timeout + "/track/headers/:headers", this::trackTimeouts);
        command(router, timeout + "/track/all", this::trackAllTimeouts);
        command(router, timeout + "/track/clear", this::clearTimeouts);
        read(router, timeout + "/status", this::timeoutStatus);
        command(router, timeout + "/status", this::timeoutStatus);
    }

    private static HeaderTracking tracking(RoutingContext ctx) {
        return HeaderTracking.of(Listener.of(ctx));
    }

    private static TimeoutTracking timeouts(RoutingContext ctx) {
        return TimeoutTracking.of(Listener.of(ctx));
    }

    private void track(RoutingContext ctx) {
        List<String> headers = CommaList.required("headers", ctx.pathParam("headers"));
        tracking(ctx).add(headers);
        Replies.text(ctx, "Header " + String.join(",", headers) + " will be tracked");
    }

    private void untrack(RoutingContext ctx) {
        List<String> headers = CommaList.required("headers", ctx.pathParam("headers"));
        tracking(ctx).remove(headers);
        Replies.text(ctx, "Header " + String.join(",", headers) + " removed from tracking");
    }

    private void clearTracking(RoutingContext ctx) {
        tracking(ctx).clear();
        Replies.text(ctx, "All tracking headers cleared");
    }

    private void clearCounts(RoutingContext ctx) {
        String param = ctx.pathParam("headers");
        List<String> headers = param == null ? null : CommaList.required("headers", param);
        tracking(ctx).clearCounts(headers);
        Replies.text(ctx, headers == null ? "All tracked header counts cleared"
                : "Counts cleared for tracked headers " + String.join(",", headers));
    }

    /** {@code headers/all} tracks every request, as the {@code track/all} spelling does. */
    private void trackTimeouts(RoutingContext ctx) {
        List<String> headers = CommaList.required("headers", ctx.pathParam("headers"));
        if (headers.size() == 1 && headers.get(0).equalsIgnoreCase("all")) {
            trackAllTimeouts(ctx);
            return;
        }
        timeouts(ctx).trackHeaders(headers);
        Replies.text(ctx, "Will track request timeouts for headers " + String.join(",", headers));
    }

    private void trackAllTimeouts(RoutingContext ctx) {
        timeouts(ctx).trackAll();
        Replies.text(ctx, "Will track request timeouts for all requests");
    }

    private void clearTimeouts(RoutingContext ctx) {
        timeouts(ctx).clear();
        Replies.text(ctx, "Request timeout tracking cleared");
    }

    private void timeoutStatus(RoutingContext ctx) {
        Replies.json(ctx, timeouts(ctx).view());
    }
}
