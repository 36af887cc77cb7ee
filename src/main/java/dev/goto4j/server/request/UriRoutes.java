package dev.goto4j.server.request;

import static dev.goto4j.http.Routes.command;
import static dev.goto4j.http.Routes.read;

import dev.goto4j.http.ApiException;
import dev.goto4j.http.Problem;
import dev.goto4j.http.Replies;
import dev.goto4j.http.Routes;
import dev.goto4j.server.AdminApi;
import dev.goto4j.server.Listener;
import dev.goto4j.server.UriPattern;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Admin routes for counts by URI and for bypass URIs ({@code /request/uri/...}). */
public final class UriRoutes implements AdminApi {

    @Override
    public List<String> roots() {
        return List.of("request");
    }

    @Override
    public void mount(Router router) {
        read(router, "/request/uri/counts", ctx -> Replies.json(ctx, counts(ctx).view()));
        command(router, "/request/uri/counts/enable", ctx -> enableCounts(ctx, true));
        command(router, "/request/uri/counts/disable", ctx -> enableCounts(ctx, false));
        command(router, "/request/uri/counts/clear", this::clearCounts);

        String bypass = "/request/uri/bypass";
        command(router, bypass + "/add", this::addBypass);
        command(router, bypass + "/remove", this::removeBypass);
        command(router, bypass + "/clear", this::clearBypass);
        command(router, bypass + "/status/set/:status", this::setBypassStatus);
        read(router, bypass + "/status", ctx ->
                Replies.json(ctx, Map.of("bypassStatus", bypass(ctx).status())));
        read(router, bypass + "/counts", this::bypassCount);
        read(router, bypass + "/list", this::bypassList);
        read(router, bypass, this::bypassList);
    }

    private static UriCounts counts(RoutingContext ctx) {
        return UriCounts.of(Listener.of(ctx));
    }

    private static BypassUris bypass(RoutingContext ctx) {
        return BypassUris.of(Listener.of(ctx));
    }

    private void enableCounts(RoutingContext ctx, boolean on) {
        counts(ctx).enable(on);
        Replies.text(ctx, "URI counting " + (on ? "enabled" : "disabled"));
    }

    private void clearCounts(RoutingContext ctx) {
        counts(ctx).clear();
        Replies.text(ctx, "URI counts cleared");
    }

    private void addBypass(RoutingContext ctx) {
        String uri = uriParam(ctx);
        bypass(ctx).add(UriPattern.parse("uri", uri));
        Replies.text(ctx, "Will bypass URI " + uri);
    }

    private void removeBypass(RoutingContext ctx) {
        String uri = uriParam(ctx);
        bypass(ctx).remove(uri);
        Replies.text(ctx, "Bypass URI " + uri + " removed");
    }

    private void clearBypass(RoutingContext ctx) {
        bypass(ctx).clear();
        Replies.text(ctx, "Bypass URIs cleared");
    }

    private void setBypassStatus(RoutingContext ctx) {
        int status = Routes.intParam(ctx, "status", 100, 599);
        bypass(ctx).setStatus(status);
        Replies.text(ctx, "Bypass URIs will answer status " + status);
    }

    private void bypassCount(RoutingContext ctx) {
        String uri = uriParam(ctx);
        Replies.json(ctx, Map.of(uri, bypass(ctx).count(uri)));
    }

    private void bypassList(RoutingContext ctx) {
        BypassUris bypass = bypass(ctx);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("uris", bypass.counts());
        view.put("bypassStatus", bypass.status());
        Replies.json(ctx, view);
    }

    private static String uriParam(RoutingContext ctx) {
        String uri = ctx.queryParams().get("uri");
        if (uri == null || uri.isEmpty()) {
            throw ApiException.badRequest("missing uri query parameter",
                    Problem.of("uri", uri, "?uri=/some/path"));
        }
        return uri;
    }
}
