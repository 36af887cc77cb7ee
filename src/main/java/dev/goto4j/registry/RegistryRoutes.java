package dev.goto4j.registry;

import static dev.goto4j.http.Routes.command;
import static dev.goto4j.http.Routes.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.goto4j.http.ApiException;
import dev.goto4j.http.CommaList;
import dev.goto4j.http.Json;
import dev.goto4j.http.Problem;
import dev.goto4j.http.Replies;
import dev.goto4j.http.Routes;
import dev.goto4j.server.AdminApi;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Admin routes of the registry, under {@code /registry/peers} and, as the scenarios spell it,
 * {@code /registry/peer}.
 */
public final class RegistryRoutes implements AdminApi {

    private static final Set<String> YES = Set.of("y", "yes", "true", "1", "on");
    private static final Set<String> NO = Set.of("n", "no", "false", "0", "off");

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
        // Beyond the reference, which has no way to stop tracking: a header named "clear"
        // cannot be added through this path.
        command(router, base + "/track/headers/clear", ctx -> Routes.replyWhenDone(ctx,
                registry.clearTrackedHeaders(), r -> "Peers will track no headers"));
        command(router, base + "/track/headers/:headers", ctx -> Routes.replyWhenDone(ctx,
                registry.trackHeaders(ctx.pathParam("headers")),
                r -> "Peers will track headers " + ctx.pathParam("headers")));
        read(router, base, ctx -> Replies.json(ctx, registry.directory.snapshot()));
        router.post(base + "/:peer/remember").handler(this::rememberPeer);
        command(router, base + "/:peer/remove/:address", ctx -> {
            registry.deregister(label(ctx), address(ctx));
            Replies.text(ctx, "Peer " + label(ctx) + " at " + address(ctx) + " removed");
        });
        router.post(base + "/:peer/health/cleanup").handler(ctx -> {
            registry.requireRegistered(label(ctx));
            replyJson(ctx, registry.cleanup(List.of(label(ctx))));
        });
        read(router, base + "/:peer/health/:address", ctx -> replyJson(ctx,
                registry.health(label(ctx), address(ctx))));
        read(router, base + "/:peer/health", ctx -> {
            registry.requireRegistered(label(ctx));
            replyJson(ctx, registry.health(List.of(label(ctx))));
        });
    }

    private void mountLockers(Router router, String base) {
        Lockers lockers = registry.lockers;
        read(router, base + "/lockers", ctx -> Replies.json(ctx, lockers.all()));
        command(router, base + "/lockers/clear", ctx -> {
            lockers.clearAll();
            Replies.text(ctx, "All lockers cleared");
        });
        read(router, base + "/lockers/targets/results", ctx -> Replies.json(ctx,
                isYes(ctx.queryParams().get("detailed"))
                        ? ResultsSummary.detailed(lockers.all())
                        : ResultsSummary.summary(lockers.all())));
        read(router, base + "/:peer/locker", ctx -> {
            registry.requireKnown(label(ctx));
            Replies.json(ctx, lockers.label(label(ctx)));
        });
        command(router, base + "/:peer/locker/clear", ctx -> {
            registry.requireKnown(label(ctx));
            lockers.clearLabel(label(ctx));
            Replies.text(ctx, "Locker of " + label(ctx) + " cleared");
        });
        read(router, base + "/:peer/:address/locker", ctx -> {
            registry.requireKnown(label(ctx), address(ctx));
            Replies.json(ctx, lockers.instance(label(ctx), address(ctx)));
        });
        command(router, base + "/:peer/:address/locker/clear", ctx -> {
            registry.requireKnown(label(ctx), address(ctx));
            lockers.clearInstance(label(ctx), address(ctx));
            Replies.text(ctx, "Locker of " + label(ctx) + " at " + address(ctx) + " cleared");
        });
        command(router, base + "/:peer/:address/locker/store/:key", ctx -> {
            String data = ctx.body().buffer() == null ? "" : ctx.body().asString();
            lockers.store(label(ctx), checkedAddress(ctx), ctx.pathParam("key"), data);
            Replies.text(ctx, "Stored " + ctx.pathParam("key") + " for " + label(ctx) + " at "
                    + address(ctx));
        });
        command(router, base + "/:peer/:address/locker/remove/:key", ctx -> {
            lockers.remove(label(ctx), address(ctx), ctx.pathParam("key"));
            Replies.text(ctx, "Removed " + ctx.pathParam("key") + " of " + label(ctx) + " at "
                    + address(ctx));
        });
        command(router, base + "/:peer/:address/locker/lock/:key", ctx -> {
            lockers.lock(label(ctx), address(ctx), ctx.pathParam("key"));
            Replies.text(ctx, "Locked " + ctx.pathParam("key") + " of " + label(ctx) + " at "
                    + address(ctx));
        });
    }

    private void mountTargets(Router router, String base) {
        mountItems(router, base, registry.targets, PeerItems::target, registry::addTarget);
        command(router, base + "/targets/invoke/all", ctx -> Routes.replyWhenDone(ctx,
                registry.commandAll("/client/targets/invoke/all"),
                r -> "Targets invoked on all peers"));
        // Peers always keep both summed and per-invocation results (the client keeps the latest
        // invocations up to its cap), so these switches of the reference have nothing to turn.
        command(router, base + "/targets/results/all/:enable", ctx -> {
            checkFlag(ctx, "enable");
            Replies.text(ctx, "Peers always sum results across all targets; nothing to change");
        });
        command(router, base + "/targets/results/invocations/:enable", ctx -> {
            checkFlag(ctx, "enable");
            Replies.text(ctx, "Peers always keep results per invocation; nothing to change");
        });
        command(router, base + "/:peer/targets/invoke/all", ctx -> Routes.replyWhenDone(ctx,
                registry.command(label(ctx), "/client/targets/invoke/all"),
                o -> o.sentence("Targets invoked")));
        command(router, base + "/:peer/targets/:targets/invoke", ctx -> Routes.replyWhenDone(ctx,
                registry.command(label(ctx), registry.targets, names(ctx, "targets"),
                        "/client/targets/%s/invoke"), o -> o.sentence("Targets invoked")));
    }

    private void mountJobs(Router router, String base) {
        mountItems(router, base, registry.jobs, PeerItems::job, registry::addJob);
        // The reference names running a job both "run" and "invoke"; both answer.
        for (String run : List.of("run", "invoke")) {
            command(router, base + "/jobs/" + run + "/all", ctx -> Routes.replyWhenDone(ctx,
                    registry.commandAll("/jobs/run/all"), r -> "Jobs run on all peers"));
            command(router, base + "/:peer/jobs/" + run + "/all", ctx -> Routes.replyWhenDone(ctx,
                    registry.command(label(ctx), "/jobs/run/all"), o -> o.sentence("Jobs run")));
            command(router, base + "/:peer/jobs/:jobs/" + run, ctx -> Routes.replyWhenDone(ctx,
                    registry.command(label(ctx), registry.jobs, names(ctx, "jobs"),
                            "/jobs/%s/run"), o -> o.sentence("Jobs run")));
        }
    }

    /**
     * The routes that targets and jobs share: list, clear and stop them on every label, and
     * add, list, clear, remove and stop them on one. Paths name them by {@code items.plural()}.
     */
    private void mountItems(Router router, String base, PeerConfigs items,
                            Function<Buffer, ObjectNode> reader,
                            BiFunction<String, ObjectNode, Future<PeerCalls.Outcome>> add) {
        String all = base + "/" + items.plural();
        String one = base + "/:peer/" + items.plural();
        String them = capitalized(items.plural());
        read(router, all, ctx -> Replies.json(ctx, items.all()));
        router.post(all + "/clear").handler(ctx -> Routes.replyWhenDone(ctx,
                registry.clearAll(items), r -> them + " of all peers cleared"));
        command(router, all + "/stop/all", ctx -> Routes.replyWhenDone(ctx,
                registry.commandAll(items.peerPath("stop/all")),
                r -> them + " stopped on all peers"));
        router.post(one + "/add").handler(ctx -> {
            ObjectNode item = reader.apply(ctx.body().buffer());
            Routes.replyWhenDone(ctx, add.apply(label(ctx), item), o -> o.sentence(
                    capitalized(items.kind()) + " " + items.idOf(item) + " added"));
        });
        router.post(one + "/clear").handler(ctx -> Routes.replyWhenDone(ctx,
                registry.clear(items, label(ctx)), o -> o.sentence(them + " cleared")));
        read(router, one, ctx -> {
            registry.requireKnown(label(ctx));
            Replies.json(ctx, items.of(label(ctx)));
        });
        command(router, one + "/stop/all", ctx -> Routes.replyWhenDone(ctx,
                registry.command(label(ctx), items.peerPath("stop/all")),
                o -> o.sentence(them + " stopped")));
        String ids = items.plural();
        command(router, one + "/:" + ids + "/remove", ctx -> Routes.replyWhenDone(ctx,
                registry.remove(items, label(ctx), names(ctx, ids)),
                o -> o.sentence(them + " removed")));
        command(router, one + "/:" + ids + "/stop", ctx -> Routes.replyWhenDone(ctx,
                registry.command(label(ctx), items, names(ctx, ids), items.peerPath("%s/stop")),
                o -> o.sentence(them + " stopped")));
    }

    private void addPeer(RoutingContext ctx) {
        PeerInfo peer = Json.read(ctx.body().buffer(), PeerInfo.class, "peer");
        Replies.json(ctx, registry.register(peer));
    }

    /** Answers 201 when the reminder registered an instance the registry did not know. */
    private void rememberPeer(RoutingContext ctx) {
        PeerInfo peer = Json.read(ctx.body().buffer(), PeerInfo.class, "peer");
        if (registry.remember(label(ctx), peer)) {
            Replies.text(ctx, "Peer " + label(ctx) + " at " + peer.address() + " remembered");
        } else {
            ctx.response().setStatusCode(201);
            Replies.text(ctx, "Peer " + label(ctx) + " at " + peer.address()
                    + " was not known and is registered again");
        }
    }

    private static <T> void replyJson(RoutingContext ctx, Future<T> future) {
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

    private static String address(RoutingContext ctx) {
        return ctx.pathParam("address");
    }

    /** The address of a locker being written: it must read as host:port. */
    private static String checkedAddress(RoutingContext ctx) {
        String address = address(ctx);
        if (!PeerInfo.isAddress(address)) {
            throw ApiException.badRequest("invalid peer address: " + address,
                    Problem.of("address", address, "host:port"));
        }
        return address;
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static List<String> names(RoutingContext ctx, String param) {
        return CommaList.required(param, ctx.pathParam(param));
    }

    private static void checkFlag(RoutingContext ctx, String param) {
        String value = ctx.pathParam(param).toLowerCase(Locale.ROOT);
        if (!YES.contains(value) && !NO.contains(value)) {
            throw ApiException.badRequest("invalid " + param + ": " + ctx.pathParam(param),
                    Problem.of(param, ctx.pathParam(param), "y, n, true or false"));
        }
    }

    private static boolean isYes(String flag) {
        return flag != null && YES.contains(flag.toLowerCase(Locale.ROOT));
    }
}
