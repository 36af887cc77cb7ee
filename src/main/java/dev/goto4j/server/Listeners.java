package dev.goto4j.server;

import dev.goto4j.http.ApiException;
import dev.goto4j.http.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener ports of this instance: the start-up one, which stays for the life of the process,
 * and those added through the API, which can be closed, reopened and removed.
 */
public final class Listeners {

    private static final Logger log = LoggerFactory.getLogger(Listeners.class);
    /** How long in-flight requests get to finish when a listener closes. */
    static final long GRACE_SECONDS = 5;

    private final Vertx vertx;
    private final String bindHost;
    private final HostIdentity host;
    private final CountLimits limits;
    private Function<Listener, Router> adminRouters;
    private String[] adminRoots;
    private RuntimePipeline pipeline;
    private final Map<Integer, Listener> byPort = new ConcurrentHashMap<>();
    private volatile Listener primary;

    Listeners(Vertx vertx, String bindHost, HostIdentity host, CountLimits limits) {
        this.vertx = vertx;
        this.bindHost = bindHost;
        this.host = host;
        this.limits = limits;
    }

    /**
     * Sets how every listener serves requests. Called once, before any listener opens: the
     * admin routes include those that manage the listeners, so they are built after them.
     */
    void serveWith(Function<Listener, Router> routers, List<String> roots, RuntimePipeline runtime) {
        this.adminRouters = routers;
        this.adminRoots = roots.toArray(String[]::new);
        this.pipeline = runtime;
    }

    /** Opens the start-up listener; it carries the instance label. Port 0 picks a free port. */
    Future<Listener> openPrimary(int requestedPort, String label) {
        int port = requestedPort == 0 ? freePort() : requestedPort;
        Listener listener = new Listener(port, "http", label, label, host, limits);
        byPort.put(port, listener);
        primary = listener;
        return open(listener).onFailure(e -> byPort.remove(port));
    }

    /** Adds and opens a listener; a taken or unbindable port changes nothing. */
    public Future<Listener> add(int port, String protocol, String label) {
        Listener listener = new Listener(port, protocol, label, String.valueOf(port), host,
                limits);
        if (byPort.putIfAbsent(port, listener) != null) {
            return Future.failedFuture(ApiException.conflict("listener", String.valueOf(port)));
        }
        return open(listener).recover(e -> {
            byPort.remove(port);
            return Future.failedFuture(portInUse(port, e));
        });
    }

    /** Opens a closed listener again. */
    public Future<Listener> reopen(int port) {
        Listener listener = find(port);
        if (listener.isOpen()) {
            return Future.succeededFuture(listener);
        }
        return open(listener).recover(e -> Future.failedFuture(portInUse(port, e)));
    }

    /** Closes a listener, letting in-flight requests finish; its settings are kept. */
    public Future<Void> close(int port) {
        return close(find(port));
    }

    /** Closes and forgets an added listener; the start-up listener cannot be removed. */
    public Future<Void> remove(int port) {
        Listener listener = find(port);
        if (listener == primary) {
            return Future.failedFuture(ApiException.invalid("cannot remove the start-up listener",
                    Problem.of("port", port, "a port added through /listeners/add")));
        }
        return close(listener).onComplete(ar -> byPort.remove(port));
    }

    public Listener find(int port) {
        Listener listener = byPort.get(port);
        if (listener == null) {
            throw ApiException.notFound("listener", String.valueOf(port));
        }
        return listener;
    }

    public Listener primary() {
        return primary;
    }

    /** All listeners, by port. */
    public Map<Integer, Listener> all() {
        return new TreeMap<>(byPort);
    }

    Future<Void> closeAll() {
        List<Future<Void>> closing = new ArrayList<>();
        Collection<Listener> listeners = byPort.values();
        for (Listener listener : listeners) {
            closing.add(close(listener));
        }
        return Future.join(closing).mapEmpty();
    }

    private Future<Listener> open(Listener listener) {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                .setHost(bindHost)
                .setPort(listener.port())
                .setCompressionSupported(false));
        server.requestHandler(new RequestDispatcher(listener,
                adminRouters.apply(listener), adminRoots, pipeline));
        return server.listen().map(s -> {
            listener.server(s);
            log.info("Listener {} opened with label {}", listener.port(), listener.label());
            return listener;
        });
    }

    private Future<Void> close(Listener listener) {
        HttpServer server = listener.server();
        if (server == null) {
            return Future.succeededFuture();
        }
        listener.server(null);
        return server.shutdown(GRACE_SECONDS, TimeUnit.SECONDS)
                .onSuccess(v -> log.info("Listener {} closed", listener.port()));
    }

    /**
     * A port free right now. The listener's own port is part of its identity headers, so it is
     * chosen before binding rather than read back from an ephemeral bind.
     */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port to listen on", e);
        }
    }

    private static ApiException portInUse(int port, Throwable cause) {
        if (cause instanceof ApiException api) {
            return api;
        }
        return new ApiException(409, "cannot listen on port " + port + ": " + cause.getMessage(),
                List.of(Problem.of("port", port, "a free port")));
    }
}
