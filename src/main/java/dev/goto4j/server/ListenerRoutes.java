package dev.goto4j.server;

import static dev.goto4j.http.Routes.command;
import static dev.goto4j.http.Routes.read;

import dev.goto4j.http.ApiException;
import dev.goto4j.http.Json;
import dev.goto4j.http.Problem;
import dev.goto4j.http.Replies;
import dev.goto4j.http.Routes;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Admin routes for listener ports and their labels. */
final class ListenerRoutes implements AdminApi {

    private final Listeners listeners;

    ListenerRoutes(Listeners listeners) {
        this.listeners = listeners;
    }

    @Override
    public List<String> roots() {
        return List.of("listeners", "label");
    }

    @Override
    public void mount(Router router) {
        router.post("/listeners/add").handler(this::add);
        command(router, "/listeners/:port/remove", this::remove);
        command(router, "/listeners/:port/open", this::open);
        command(router, "/listeners/:port/close", this::close);
        read(router, "/listeners", this::list);

        command(router, "/label/set/:label", this::setLabel);
        command(router, "/label/clear", this::clearLabel);
        read(router, "/label", ctx -> Replies.text(ctx, Listener.of(ctx).label()));
    }

    private void add(RoutingContext ctx) {
        ListenerSpec spec = Json.read(ctx.body().buffer(), ListenerSpec.class, "listener");
        Routes.replyWhenDone(ctx, listeners.add(spec.port(), spec.protocol(), spec.label()),
                l -> "Listener " + l.port() + " added and opened with label " + l.label());
    }

    private void remove(RoutingContext ctx) {
        int port = port(ctx);
        Routes.replyWhenDone(ctx, listeners.remove(port), v -> "Listener " + port + " removed");
    }

    private void open(RoutingContext ctx) {
        int port = port(ctx);
        Routes.replyWhenDone(ctx, listeners.reopen(port), l -> "Listener " + port + " opened");
    }

    private void close(RoutingContext ctx) {
        int port = port(ctx);
        Routes.replyWhenDone(ctx, listeners.close(port), v -> "Listener " + port + " closed");
    }

    private void list(RoutingContext ctx) {
        Map<String, Listener.ListenerView> views = new LinkedHashMap<>();
        listeners.all().forEach((port, listener) -> views.put(String.valueOf(port), listener.view()));
        Replies.json(ctx, views);
    }

    private void setLabel(RoutingContext ctx) {
        Listener listener = Listener.of(ctx);
        listener.setLabel(ctx.pathParam("label"));
        Replies.text(ctx, "Label set to " + listener.label() + " on port " + listener.port());
    }

    private void clearLabel(RoutingContext ctx) {
        Listener listener = Listener.of(ctx);
        listener.setLabel(null);
        Replies.text(ctx, "Label reset to " + listener.label() + " on port " + listener.port());
    }

    private static int port(RoutingContext ctx) {
        return Routes.intParam(ctx, "port", 1, 65535);
    }

    /** The body of {@code /listeners/add}. */
    record ListenerSpec(Integer port, String protocol, String label) {

        ListenerSpec {
            if (port == null || port < 1 || port > 65535) {
                throw ApiException.invalid("invalid listener port: " + port,
                        Problem.of("port", port, "a port from 1 to 65535"));
            }
            if (protocol == null || protocol.isBlank()) {
                protocol = "http";
            }
            if (!protocol.equalsIgnoreCase("http")) {
                throw ApiException.invalid("unsupported listener protocol: " + protocol,
                        Problem.of("protocol", protocol, "http"));
            }
            protocol = "http";
        }
    }
}
