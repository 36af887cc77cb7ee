package dev.goto4j.proxy;

import static dev.goto4j.http.Routes.command;
import static dev.goto4j.http.Routes.read;

import dev.goto4j.http.CommaList;
import dev.goto4j.http.Json;
import dev.goto4j.http.Replies;
import dev.goto4j.server.AdminApi;
import dev.goto4j.server.Listener;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin routes of the proxy ({@code /request/proxy/...}), for the listener called. */
public final class ProxyRoutes implements AdminApi {

    private static final Logger log = LoggerFactory.getLogger(ProxyRoutes.class);
    private static final String TARGETS = "/request/proxy/targets";

    private final Proxy proxy;

    public ProxyRoutes(Proxy proxy) {
        this.proxy = proxy;
    }

    @Override
    public List<String> roots() {
        return List.of("request");
    }

    @Override
    public void mount(Router router) {
        command(router, TARGETS + "/add", this::add);
        command(router, TARGETS + "/clear", this::clear);
        command(router, TARGETS + "/invoke/:targets", this::invoke);
        command(router, TARGETS + "/counts/clear", this::clearCounts);
        command(router, TARGETS + "/:targets/remove", this::remove);
        command(router, TARGETS + "/:targets/enable", ctx -> setEnabled(ctx, true));
        command(router, TARGETS + "/:targets/disable", ctx -> setEnabled(ctx, false));
        command(router, TARGETS + "/:targets/invoke", this::invoke);
        read(router, TARGETS + "/counts", this::counts);
        read(router, TARGETS, ctx -> Replies.json(ctx, state(ctx).view()));
        read(router, "/request/proxy/counts", this::counts);
        command(router, "/request/proxy/counts/clear", this::clearCounts);
    }

    private ProxyState state(RoutingContext ctx) {
        return proxy.state(Listener.of(ctx));
    }

    private void add(RoutingContext ctx) {
        ProxyTarget target = Json.read(ctx.body().buffer(), ProxyTarget.class, "proxy target");
        boolean replaced = state(ctx).add(target);
        log.info("Port {}: proxy target {} {} for {}", Listener.of(ctx).port(), target.name(),
                replaced ? "replaced" : "added", target.url());
        Replies.text(ctx, (replaced ? "Replaced" : "Added") + " proxy target: "
                + Json.write(target));
    }

    private void remove(RoutingContext ctx) {
        List<String> names = names(ctx);
        state(ctx).remove(names);
        log.info("Port {}: proxy targets {} removed", Listener.of(ctx).port(), names);
        Replies.text(ctx, "Removed proxy targets: " + String.join(",", names));
    }

    private void setEnabled(RoutingContext ctx, boolean enabled) {
        List<String> names = names(ctx);
        state(ctx).setEnabled(names, enabled);
        Replies.text(ctx, (enabled ? "Enabled" : "Disabled") + " proxy targets: "
                + String.join(",", names));
    }

    private void clear(RoutingContext ctx) {
        state(ctx).clear();
        log.info("Port {}: proxy targets cleared", Listener.of(ctx).port());
        Replies.text(ctx, "Proxy targets cleared");
    }

    private void invoke(RoutingContext ctx) {
        proxy.invoke(state(ctx), names(ctx)).onComplete(ar -> {
            if (ar.succeeded()) {
                Replies.json(ctx, ar.result());
            } else {
                ctx.fail(ar.cause());
            }
        });
    }

    private void counts(RoutingContext ctx) {
        Replies.json(ctx, state(ctx).counts().snapshot());
    }

    private void clearCounts(RoutingContext ctx) {
        state(ctx).clearCounts();
        Replies.text(ctx, "Proxy counts cleared");
    }

    private static List<String> names(RoutingContext ctx) {
        return CommaList.required("targets", ctx.pathParam("targets"));
    }
}
