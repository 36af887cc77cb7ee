package dev.goto4j.registry;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a peer's admin API in tests: answers 200 to everything and records each call as
 * "METHOD path body", so a test can see what the registry pushed or a peer applied.
 */
final class RecordingPeer implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    RecordingPeer() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(b -> {
            calls.add(request.method() + " " + request.path()
                    + (b.length() > 0 ? " " + b : ""));
            request.response().end("ok");
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    String address() {
        return "127.0.0.1:" + server.actualPort();
    }

    String url() {
        return "http://" + address();
    }

    List<String> calls() {
        return calls;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
