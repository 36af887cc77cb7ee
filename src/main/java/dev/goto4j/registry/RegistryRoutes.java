package dev.goto4j.registry;

import static dev.goto4j.http.Routes.command;
import static dev.goto4j.http.Routes.read;

import dev.goto4j.http.CommaList;
import dev.goto4j.http.Json;
import dev.goto4j.http.Replies;
import dev.goto4j.http.Routes;
import dev.goto4j.server.AdminApi;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Admin routes of the registry, under {@code /registry/peers} and, as the scenarios spell it,
 * {@code /registry/peer}.
 */
public final class RegistryRoutes implements AdminApi {

    private final Registry registry;

    public RegistryRoutes(Registry registry) {
        this.registry = registry;
    }

    @Override
    public List<String> roots() {
        return List.of("registry");
    }

    @Override
    public void mount(Router router) {
        for (String base : List.of("/registry/peers", "/registry/peer")) {
            mountPeers(router, base);
            mountLockers(router, base);
            mountTargets(router, base);
            mountJobs(router, base);
        }
    }

    private void mountPeers(Router router, String base) {
        router.post(base + "/add").handler(this::addPeer);
        command(router, base + "/clear", ctx -> {
            registry.directory.clear();
            Replies.text(ctx, "Peers cleared");
        });
        read(router, base + "/health", ctx -> replyJson(ctx,
                registry.health(registry.labels())));
        router.post(base + "/health/cleanup").handler(ctx -> replyJson(ctx,
                registry.cleanup(registry.labels())));
        command(router, base + "/track/headers/:headers", ctx -> Routes.replyWhenDone(ctx,
                registry.trackHeaders(ctx.pathParam("headers")),
                r -> "Peers will track headers " + ctx.pathParam("headers")));
        read(router, base, ctx -> Replies.json(ctx, registry.directory.snapshot()));
        router.post(base + "/:peer/remember").handler(ctx -> {
            registry.remember(ctx.pathParam("peer"),
                    Json.read(ctx.body().buffer(), PeerInfo.class, "peer"));
            Replies.text(ctx, "Peer " + ctx.pathParam("peer") + " remembered");
        });
        command(router, base + "/:peer/remove/:address", ctx -> {
            registry.deregister(ctx.pathParam("peer"), ctx.pathParam("address"));
            Replies.text(ctx, "Peer " + ctx.pathParam("peer") + " at "
                    + ctx.pathParam("address") + " removed");
        });
        router.post(base + "/:peer/health/cleanup").handler(ctx -> replyJson(ctx,
                registry.cleanup(List.of(label(ctx)))));
        read(router, base + "/:peer/health/:address", ctx -> replyJson(ctx,
                registry.health(ctx.pathParam("peer"), ctx.pathParam("address"))));
        read(router, base + "/:peer/health", ctx -> replyJson(ctx,
                registry.health(List.of(label(ctx)))));
    }

    private void mountLockers(Router router, String base) {
        read(router, base + "/lockers", ctx -> Replies.json(ctx, registry.lockers.all()));
        command(router, base + "/lockers/clear", ctx -> {
            registry.lockers.clearAll();
            Replies.text(ctx, "All lockers cleared");
        });
        read(router, base + "/lockers/targets/results", ctx -> Replies.json(ctx,
                ResultsSummary.of(registry.lockers.all(), isYes(ctx.queryParams().get("detailed")))));
        read(router, base + "/:peer/locker", ctx -> Replies.json(ctx,
                registry.lockers.label(ctx.pathParam("peer"))));
        command(router, base + "/:peer/locker/clear", ctx -> {
            registry.lockers.clearLabel(ctx.pathParam("peer"));
            Replies.text(ctx, "Locker of " + ctx.pathParam("peer") + " cleared");
        });
        read(router, base + "/:peer/:address/locker", ctx -> Replies.json(ctx,
                registry.lockers.instance(ctx.pathParam("peer"), ctx.pathParam("address"))));
        command(router, base + "/:peer/:address/locker/clear", ctx -> {
            registry.lockers.clearInstance(ctx.pathParam("peer"), ctx.pathParam("address"));
            Replies.text(ctx, "Locker of " + ctx.pathParam("peer") + " at "
                    + ctx.pathParam("address") + " cleared");
        });
        command(router, base + "/:peer/:address/locker/store/:key", ctx -> {
            String data = ctx.body().buffer() == null ? "" : ctx.body().asString();
            registry.lockers.store(ctx.pathParam("peer"), ctx.pathParam("address"),
                    ctx.pathParam("key"), data);
            Replies.text(ctx, "Stored " + ctx.pathParam("key") + " for "
                    + ctx.pathParam("peer") + " at " + ctx.pathParam("address"));
        });
        command(router, base + "/:peer/:address/locker/remove/:key", ctx -> {
            registry.lockers.remove(ctx.pathParam("peer"), ctx.pathParam("address"),
                    ctx.pathParam("key"));
            Replies.text(ctx, "Removed " + ctx.pathParam("key"));
        });
        command(router, base + "/:peer/:address/locker/lock/:key", ctx -> {
            registry.lockers.lock(ctx.pathParam("peer"), ctx.pathParam("address"),
                    ctx.pathParam("key"));
            Replies.text(ctx, "Locked " + ctx.pathParam("key"));
        });
    }

    private void mountTargets(Router router, String base) {
        read(router, base + "/targets", ctx -> Replies.json(ctx, registry.targets.all()));
        router.post(base + "/targets/clear").handler(ctx -> {
            registry.clearAllTargets();
            Routes.replyWhenDone(ctx, registry.commandAll("/client/targets/clear"),
                    r -> "Targets of all peers cleared");
        });
        command(router, base + "/targets/invoke/all", ctx -> Routes.replyWhenDone(ctx,
                registry.commandAll("/client/targets/invoke/all"), r -> "Targets invoked"));
        command(router, base + "/targets/stop/all", ctx -> Routes.replyWhenDone(ctx,
                registry.commandAll("/client/targets/stop/all"), r -> "Targets stopped"));
        router.post(base + "/:peer/targets/add").handler(ctx -> {
            var target = Registry.item(ctx.body().buffer(), registry.targets, "target", "name");
            Routes.replyWhenDone(ctx, registry.addTarget(label(ctx), target),
                    o -> o.sentence("Target " + target.get("name").asText() + " added"));
        });
        router.post(base + "/:peer/targets/clear").handler(ctx -> Routes.replyWhenDone(ctx,
                registry.clearTargets(label(ctx)), o -> o.sentence("Targets cleared")));
        read(router, base + "/:peer/targets", ctx -> Replies.json(ctx,
                registry.targets.of(label(ctx))));
        command(router, base + "/:peer/targets/invoke/all", ctx -> Routes.replyWhenDone(ctx,
                registry.command(label(ctx), "/client/targets/invoke/all"),
                o -> o.sentence("Targets invoked")));
        command(router, base + "/:peer/targets/stop/all", ctx -> Routes.replyWhenDone(ctx,
                registry.command(label(ctx), "/client/targets/stop/all"),
                o -> o.sentence("Targets stopped")));
        command(router, base + "/:peer/targets/:targets/remove", ctx -> Routes.replyWhenDone(ctx,
                registry.removeTargets(label(ctx), names(ctx, "targets")),
                o -> o.sentence("Targets removed")));
        command(router, base + "/:peer/targets/:targets/invoke", ctx -> {
            List<String> names = names(ctx, "targets");
            registry.targets.requireAll(label(ctx), names);
            Routes.replyWhenDone(ctx, registry.command(label(ctx),
                    "/client/targets/" + String.join(",", names) + "/invoke"),
                    o -> o.sentence("Targets invoked"));
        });
        command(router, base + "/:peer/targets/:targets/stop", ctx -> Routes.replyWhenDone(ctx,
                registry.command(label(ctx), "/client/targets/"
                        + String.join(",", names(ctx, "targets")) + "/stop"),
                o -> o.sentence("Targets stopped")));
    }

    private void mountJobs(Router router, String base) {
        read(router, base + "/jobs", ctx -> Replies.json(ctx, registry.jobs.all()));
        router.post(base + "/jobs/clear").handler(ctx -> {
            registry.clearAllJobs();
            Routes.replyWhenDone(ctx, registry.commandAll("/jobs/clear"),
                    r -> "Jobs of all peers cleared");
        });
        router.post(base + "/:peer/jobs/add").handler(ctx -> {
            var job = Registry.item(ctx.body().buffer(), registry.jobs, "job", "id");
            Routes.replyWhenDone(ctx, registry.addJob(label(ctx), job),
                    o -> o.sentence("Job " + job.get("id").asText() + " added"));
        });
        router.post(base + "/:peer/jobs/clear").handler(ctx -> Routes.replyWhenDone(ctx,
                registry.clearJobs(label(ctx)), o -> o.sentence("Jobs cleared")));
        read(router, base + "/:peer/jobs", ctx -> Replies.json(ctx, registry.jobs.of(label(ctx))));
        for (String run : List.of("run", "invoke")) {
            command(router, base + "/:peer/jobs/" + run + "/all", ctx -> Routes.replyWhenDone(ctx,
                    registry.command(label(ctx), "/jobs/run/all"), o -> o.sentence("Jobs run")));
            command(router, base + "/:peer/jobs/:jobs/" + run, ctx -> {
                List<String> ids = names(ctx, "jobs");
                registry.jobs.requireAll(label(ctx), ids);
                Routes.replyWhenDone(ctx, registry.command(label(ctx),
                        "/jobs/" + String.join(",", ids) + "/run"), o -> o.sentence("Jobs run"));
            });
        }
        command(router, base + "/:peer/jobs/stop/all", ctx -> Routes.replyWhenDone(ctx,
                registry.command(label(ctx), "/jobs/stop/all"), o -> o.sentence("Jobs stopped")));
        command(router, base + "/:peer/jobs/:jobs/remove", ctx -> Routes.replyWhenDone(ctx,
                registry.removeJobs(label(ctx), names(ctx, "jobs")),
                o -> o.sentence("Jobs removed")));
        command(router, base + "/:peer/jobs/:jobs/stop", ctx -> Routes.replyWhenDone(ctx,
                registry.command(label(ctx), "/jobs/" + String.join(",", names(ctx, "jobs"))
                        + "/stop"), o -> o.sentence("Jobs stopped")));
    }

    private void addPeer(RoutingContext ctx) {
        PeerInfo peer = Json.read(ctx.body().buffer(), PeerInfo.class, "peer");
        Replies.json(ctx, registry.register(peer));
    }

    private static <T> void replyJson(RoutingContext ctx, io.vertx.core.Future<T> future) {
        future.onComplete(ar -> {
            if (ar.succeeded()) {
                Replies.json(ctx, ar.result());
            } else {
                ctx.fail(ar.cause());
            }
        });
    }

    private static String label(RoutingContext ctx) {
        return ctx.pathParam("peer");
    }

    private static List<String> names(RoutingContext ctx, String param) {
        return CommaList.required(param, ctx.pathParam(param));
    }

    private static boolean isYes(String flag) {
        return flag != null && (flag.equalsIgnoreCase("y") || flag.equalsIgnoreCase("yes")
                || flag.equalsIgnoreCase("true"));
    }
}
