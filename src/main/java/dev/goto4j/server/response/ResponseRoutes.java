package dev.goto4j.server.response;

import static dev.goto4j.http.Routes.command;
import static dev.goto4j.http.Routes.read;

import dev.goto4j.http.ApiException;
import dev.goto4j.http.Durations;
import dev.goto4j.http.Problem;
import dev.goto4j.http.Replies;
import dev.goto4j.server.AdminApi;
import dev.goto4j.server.Listener;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Admin routes for what a listener does to its responses: forced status and its counts, delay
 * and extra headers. Payloads have their own routes in {@link PayloadRoutes}.
 */
public final class ResponseRoutes implements AdminApi {

    @Override
    public List<String> roots() {
        return List.of("response");
    }

    @Override
    public void mount(Router router) {
        command(router, "/response/status/set/:status", this::setStatus);
        command(router, "/response/status/clear", this::clearStatus);
        command(router, "/response/status/counts/clear", this::clearStatusCounts);
        read(router, "/response/status/counts/:status", this::statusCount);
        read(router, "/response/status/counts", ctx ->
                Replies.json(ctx, StatusCounts.of(Listener.of(ctx)).snapshot(0)));
        read(router, "/response/status", ctx ->
                Replies.json(ctx, ForcedStatus.of(Listener.of(ctx)).view()));

        command(router, "/response/delay/set/:delay", this::setDelay);
        command(router, "/response/delay/clear", this::clearDelay);
        read(router, "/response/delay", ctx -> Replies.json(ctx, Map.of("delay",
                Durations.format(ResponseDelay.of(Listener.of(ctx)).delay()))));

        command(router, "/response/headers/add/:header/:value", this::addHeader);
        command(router, "/response/headers/remove/:header", this::removeHeader);
        command(router, "/response/headers/clear", this::clearHeaders);
        read(router, "/response/headers/list", this::headers);
        read(router, "/response/headers", this::headers);
    }

    private void setStatus(RoutingContext ctx) {
        String text = ctx.pathParam("status");
        int colon = text.indexOf(':');
        int status = parseStatus(colon < 0 ? text : text.substring(0, colon), text);
        long times = colon < 0 ? 0 : parseTimes(text.substring(colon + 1), text);
        Listener listener = Listener.of(ctx);
        if (status == 0) {
            ForcedStatus.of(listener).clear();
            Replies.text(ctx, "Forced response status cleared on port " + listener.port());
            return;
        }
        ForcedStatus.of(listener).set(status, times);
        Replies.text(ctx, "Will respond with forced status: " + status
                + (times > 0 ? " times " + times : ""));
    }

    private void clearStatus(RoutingContext ctx) {
        Listener listener = Listener.of(ctx);
        ForcedStatus.of(listener).clear();
        Replies.text(ctx, "Forced response status cleared on port " + listener.port());
    }

    private void clearStatusCounts(RoutingContext ctx) {
        StatusCounts.of(Listener.of(ctx)).clear();
        Replies.text(ctx, "Response status counts cleared");
    }

    private void statusCount(RoutingContext ctx) {
        String text = ctx.pathParam("status");
        int status = parseStatus(text, text);
        if (status == 0) {
            throw badStatus(text);
        }
        Replies.json(ctx, StatusCounts.of(Listener.of(ctx)).snapshot(status));
    }

    private void setDelay(RoutingContext ctx) {
        Duration delay = Durations.parseField("delay", ctx.pathParam("delay"));
        ResponseDelay.of(Listener.of(ctx)).set(delay);
        Replies.text(ctx, "Will delay all responses by " + Durations.format(delay));
    }

    private void clearDelay(RoutingContext ctx) {
        ResponseDelay.of(Listener.of(ctx)).set(Duration.ZERO);
        Replies.text(ctx, "Response delay cleared");
    }

    private void addHeader(RoutingContext ctx) {
        String header = ctx.pathParam("header");
        String value = ctx.pathParam("value");
        ResponseHeaders.of(Listener.of(ctx)).add(header, value);
        Replies.text(ctx, "Response header " + header + ": " + value + " added");
    }

    private void removeHeader(RoutingContext ctx) {
        String header = ctx.pathParam("header");
        ResponseHeaders.of(Listener.of(ctx)).remove(header);
        Replies.text(ctx, "Response header " + header + " removed");
    }

    private void clearHeaders(RoutingContext ctx) {
        ResponseHeaders.of(Listener.of(ctx)).clear();
        Replies.text(ctx, "Response headers cleared");
    }

    private void headers(RoutingContext ctx) {
        Replies.json(ctx, ResponseHeaders.of(Listener.of(ctx)).view());
    }

    /** A status from 100 to 599, or 0 (which clears a forced status). */
    private static int parseStatus(String code, String whole) {
        try {
            int status = Integer.parseInt(code);
            if (status == 0 || (status >= 100 && status <= 599)) {
                return status;
            }
        } catch (NumberFormatException e) {
            // Reported below with what was expected.
        }
        throw badStatus(whole);
    }

    private static long parseTimes(String times, String whole) {
        try {
            long n = Long.parseLong(times);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below with what was expected.
        }
        throw ApiException.badRequest("invalid status times: " + whole,
                Problem.of("times", times, "a count >= 1, as in 503:2"));
    }

    private static ApiException badStatus(String text) {
        return ApiException.badRequest("invalid status: " + text,
                Problem.of("status", text, "a status code from 100 to 599, optionally :times"));
    }
}
