package dev.goto4j;

import dev.goto4j.client.Client;
import dev.goto4j.client.ClientRoutes;
import dev.goto4j.job.JobRoutes;
import dev.goto4j.job.Jobs;
import dev.goto4j.proxy.Proxy;
import dev.goto4j.proxy.ProxyRoutes;
import dev.goto4j.proxy.ProxyStage;
import dev.goto4j.registry.PeerAgent;
import dev.goto4j.registry.Registry;
import dev.goto4j.registry.RegistryRoutes;
import dev.goto4j.server.AdminApi;
import dev.goto4j.server.CountLimits;
import dev.goto4j.server.GotoServer;
import dev.goto4j.server.HostIdentity;
import dev.goto4j.server.Listener;
import dev.goto4j.server.RuntimeStage;
import dev.goto4j.server.request.BypassUris;
import dev.goto4j.server.request.HeaderTracking;
import dev.goto4j.server.request.RequestRoutes;
import dev.goto4j.server.request.TimeoutTracking;
import dev.goto4j.server.request.UriCounts;
import dev.goto4j.server.request.UriRoutes;
import dev.goto4j.server.response.ForcedStatus;
import dev.goto4j.server.response.PayloadRoutes;
import dev.goto4j.server.response.ResponseDelay;
import dev.goto4j.server.response.ResponseHeaders;
import dev.goto4j.server.response.ResponsePayloads;
import dev.goto4j.server.response.ResponseRoutes;
import dev.goto4j.server.response.StatusCounts;
import dev.goto4j.trigger.TriggerRoutes;
import dev.goto4j.trigger.TriggerStage;
import dev.goto4j.trigger.Triggers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running goto: wires the capabilities to the server and owns their life cycle. This class
 * only wires; each capability keeps its own state and mounts its own admin routes.
 */
public final class GotoInstance {

    private static final Logger log = LoggerFactory.getLogger(GotoInstance.class);

    private final GotoOptions options;
    private final Vertx vertx;
    private final HostIdentity host;
    private final GotoServer server;
    private final Client client;
    private final Jobs jobs;
    private final List<Supplier<Future<?>>> stopHooks = new CopyOnWriteArrayList<>();

    public GotoInstance(GotoOptions options) {
        this.options = options;
        this.vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        this.host = HostIdentity.detect();

        List<AdminApi> apis = new ArrayList<>();
        // Capabilities: each owns its state and mounts its own admin routes.
        // [server capabilities]
        apis.add(new RequestRoutes());
        apis.add(new UriRoutes());
        apis.add(new ResponseRoutes());
        apis.add(new PayloadRoutes());
        // [client]
        this.client = new Client(vertx, options.certs(), options.maxTrackedValues());
        apis.add(new ClientRoutes(client));
        // [proxy and triggers]
        Proxy proxy = new Proxy(vertx);
        Triggers triggers = new Triggers(vertx);
        apis.add(new ProxyRoutes(proxy));
        apis.add(new TriggerRoutes(triggers));
        // [jobs]
        this.jobs = new Jobs(vertx, client, options.allowExec());
        apis.add(new JobRoutes(jobs));
        // Command jobs run as OS processes, which would outlive the instance if not stopped.
        onStop(jobs::close);
        // [registry and peer]
        apis.add(new RegistryRoutes(new Registry(vertx)));

        // The runtime pipeline: each request passes these stages in turn, then the responders
        // (echo, status, catch-all) answer whatever no stage answered.
        List<RuntimeStage> stages = new ArrayList<>();
        // 1. bypass: listed URIs answer at once with the bypass status, skipping the rest
        stages.add(BypassUris.stage());
        // 2. observation: counted on arrival, with the status counted when the answer is sent
        stages.add(HeaderTracking.stage());
        stages.add(TimeoutTracking.stage());
        stages.add(UriCounts.stage());
        stages.add(StatusCounts.stage());
        // 3. triggers: watch the status sent and fire on matches (on response end)
        stages.add(new TriggerStage(triggers));
        // 4. forced status: marks the exchange; whoever answers uses it
        stages.add(ForcedStatus.stage());
        // 5. delay: holds the request on a timer, never a thread
        stages.add(ResponseDelay.stage(vertx));
        // 6. response headers: added to whatever answers
        stages.add(ResponseHeaders.stage());
        // 7. proxy: forwards matching requests upstream, unless a status was forced
        stages.add(new ProxyStage(proxy));
        // 8. payload: answers with a configured payload
        stages.add(ResponsePayloads.stage());

        this.server = new GotoServer(vertx, options.bindHost(), host,
                new CountLimits(options.maxTrackedValues()), apis,
                stages);
    }

    /** Opens the start-up listener. */
    public Future<GotoInstance> start() {
        return server.start(options.port(), options.label()).map(listener -> {
            log.info("goto {} listening on port {} with label {}, {} transport", Version.current(),
                    listener.port(), listener.label(),
                    vertx.isNativeTransportEnabled() ? "epoll" : "NIO");
            if (options.registry() != null) {
                joinRegistry(listener.port());
            }
            return this;
        });
    }

    private void joinRegistry(int port) {
        String localHost = "0.0.0.0".equals(options.bindHost()) ? "127.0.0.1" : options.bindHost();
        PeerAgent peer = new PeerAgent(vertx, options, host, port,
                "http://" + localHost + ":" + port, client, jobs);
        onStop(peer::stop);
        peer.start();
    }

    /**
     * Runs the stop hooks (such as leaving a registry), then closes the listeners gracefully
     * and the event loops.
     */
    public Future<Void> stop() {
        List<Future<?>> hooks = new ArrayList<>();
        for (Supplier<Future<?>> hook : stopHooks) {
            hooks.add(hook.get());
        }
        return Future.join(hooks)
                .transform(ar -> server.stop())
                .transform(ar -> vertx.close());
    }

    /** Adds work to do before the listeners close, such as deregistering from a registry. */
    public void onStop(Supplier<Future<?>> hook) {
        stopHooks.add(hook);
    }

    public int port() {
        return server.listeners().primary().port();
    }

    public Listener primaryListener() {
        return server.listeners().primary();
    }

    public GotoOptions options() {
        return options;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** The traffic client of this instance. */
    public Client client() {
        return client;
    }

    public HostIdentity host() {
        return host;
    }
}
