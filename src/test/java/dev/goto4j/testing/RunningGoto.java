package dev.goto4j.testing;

import dev.goto4j.GotoInstance;
import dev.goto4j.GotoOptions;
import java.util.concurrent.TimeUnit;

/** A goto instance started in this JVM on a free loopback port, stopped when closed. */
public final class RunningGoto extends HttpCalls implements AutoCloseable {

    private final GotoInstance instance;

    private RunningGoto(GotoInstance instance) {
        super("http://127.0.0.1:" + instance.port());
        this.instance = instance;
    }

    public static RunningGoto start() {
        return start("test-goto");
    }

    public static RunningGoto start(String label) {
        return start(GotoOptions.loopback(0, label));
    }

    public static RunningGoto start(GotoOptions options) {
        GotoInstance instance = new GotoInstance(options);
        await(instance.start().toCompletionStage().toCompletableFuture());
        return new RunningGoto(instance);
    }

    public int port() {
        return instance.port();
    }

    public GotoInstance instance() {
        return instance;
    }

    /** Adds a listener on a free port and answers calls on it. */
    public HttpCalls addListener() {
        int port = freePort();
        Reply added = post("/listeners/add", "{\"port\":" + port + "}");
        if (added.status() != 200) {
            throw new IllegalStateException("cannot add listener " + port + ": " + added.body());
        }
        return onPort(port);
    }

    /** A port free right now on this machine. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Calls on another listener port of this instance. */
    public HttpCalls onPort(int port) {
        return new HttpCalls("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        await(instance.stop().toCompletionStage().toCompletableFuture());
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("goto instance did not start or stop", e);
        }
    }
}
