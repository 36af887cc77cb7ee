package dev.goto4j.trigger;

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

/** The admin routes of triggers ({@code /response/trigger/...}), for the listener called. */
public final class TriggerRoutes implements AdminApi {

    private static final Logger log = LoggerFactory.getLogger(TriggerRoutes.class);
    private static final String TRIGGER = "/response/trigger";

    private final Triggers triggers;

    public TriggerRoutes(Triggers triggers) {
        this.triggers = triggers;
    }

    @Override
    public List<String> roots() {
        return List.of("response");
    }

    @Override
    public void mount(Router router) {
        command(router, TRIGGER + "/add", this::add);
        command(router, TRIGGER + "/clear", this::clear);
        command(router, TRIGGER + "/counts/clear", this::clearCounts);
        command(router, TRIGGER + "/:targets/remove", this::remove);
        command(router, TRIGGER + "/:targets/enable", ctx -> setEnabled(ctx, true));
        command(router, TRIGGER + "/:targets/disable", ctx -> setEnabled(ctx, false));
        command(router, TRIGGER + "/:targets/invoke", this::invoke);
        read(router, TRIGGER + "/counts", ctx -> Replies.json(ctx, state(ctx).counts().snapshot()));
        read(router, TRIGGER + "/list", this::list);
        read(router, TRIGGER, this::list);
    }

    private TriggerState state(RoutingContext ctx) {
        return triggers.state(Listener.of(ctx));
    }

    private void add(RoutingContext ctx) {
        Trigger trigger = Json.read(ctx.body().buffer(), Trigger.class, "trigger");
        boolean replaced = state(ctx).add(trigger);
        log.info("Port {}: trigger {} {} for {} {} on {}", Listener.of(ctx).port(), trigger.name(),
                replaced ? "replaced" : "added", trigger.method(), trigger.url(),
                trigger.triggerOnResponseStatuses());
        Replies.text(ctx, (replaced ? "Replaced" : "Added") + " trigger: " + Json.write(trigger));
    }

    private void list(RoutingContext ctx) {
        Replies.json(ctx, state(ctx).view());
    }

    private void remove(RoutingContext ctx) {
        List<String> names = names(ctx);
        state(ctx).remove(names);
        log.info("Port {}: triggers {} removed", Listener.of(ctx).port(), names);
        Replies.text(ctx, "Removed triggers: " + String.join(",", names));
    }

    private void setEnabled(RoutingContext ctx, boolean enabled) {
        List<String> names = names(ctx);
        state(ctx).setEnabled(names, enabled);
        Replies.text(ctx, (enabled ? "Enabled" : "Disabled") + " triggers: "
                + String.join(",", names));
    }

    private void clear(RoutingContext ctx) {
        state(ctx).clear();
        log.info("Port {}: triggers cleared", Listener.of(ctx).port());
        Replies.text(ctx, "Triggers cleared");
    }

    private void clearCounts(RoutingContext ctx) {
        state(ctx).clearCounts();
        Replies.text(ctx, "Trigger counts cleared");
    }

    private void invoke(RoutingContext ctx) {
        state(ctx).invoke(names(ctx)).onComplete(ar -> {
            if (ar.succeeded()) {
                Replies.json(ctx, ar.result());
            } else {
                ctx.fail(ar.cause());
            }
        });
    }

    private static List<String> names(RoutingContext ctx) {
        return CommaList.required("targets", ctx.pathParam("targets"));
    }
}
