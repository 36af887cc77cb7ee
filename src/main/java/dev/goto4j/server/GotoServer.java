package dev.goto4j.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP side of an instance: its listeners, each serving the whole admin API (the listener
 * routes plus those of every capability) and the runtime pipeline ending in the responders.
 */
public final class GotoServer {

    private final Listeners listeners;

    /**
     * @param limits the caps on what listeners count by name seen in traffic
     * @param apis the admin APIs of the capabilities, beside the listener routes
     * @param stages the runtime stages in the order requests pass them; the responders follow
     */
    public GotoServer(Vertx vertx, String bindHost, HostIdentity host, CountLimits limits,
                      List<AdminApi> apis, List<RuntimeStage> stages) {
        this.listeners = new Listeners(vertx, bindHost, host, limits);
        List<AdminApi> allApis = new ArrayList<>();
        allApis.add(new ListenerRoutes(listeners));
        allApis.addAll(apis);
        List<RuntimeStage> pipeline = new ArrayList<>(stages);
        pipeline.add(new Responders());
        AdminRouters routers = new AdminRouters(vertx, allApis);
        listeners.serveWith(routers, routers.roots(), new RuntimePipeline(pipeline));
    }

    public Listeners listeners() {
        return listeners;
    }

    /** Opens the start-up listener. */
    public Future<Listener> start(int port, String label) {
        return listeners.openPrimary(port, label);
    }

    /** Closes every listener, giving in-flight requests a bounded time to finish. */
    public Future<Void> stop() {
        return listeners.closeAll();
    }
}
