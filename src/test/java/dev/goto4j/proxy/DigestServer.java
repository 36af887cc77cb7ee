package dev.goto4j.proxy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in upstream for streaming tests, which never holds a body whole: {@code /digest}
 * answers the byte count and SHA-256 of the request body as it streams in; {@code /bytes/{n}}
 * streams {@code n} bytes of {@link #pattern} back in chunks without a length; {@code /close}
 * closes the connection without answering.
 */
final class DigestServer implements AutoCloseable {

    static final int CHUNK = 64 * 1024;

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    DigestServer() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/digest")) {
            MessageDigest digest = sha256();
            long[] length = {0};
            request.handler(data -> {
                digest.update(data.getBytes());
                length[0] += data.length();
            });
            request.endHandler(v -> request.response().end(length[0] + " "
                    + HexFormat.of().formatHex(digest.digest())));
        } else if (path.startsWith("/bytes/")) {
            long size = Long.parseLong(path.substring("/bytes/".length()));
            request.response().setChunked(true);
            send(request, 0, size);
        } else {
            request.connection().close();
        }
    }

    private void send(HttpServerRequest request, long sent, long size) {
        while (sent < size && !request.response().writeQueueFull()) {
            int n = (int) Math.min(CHUNK, size - sent);
            request.response().write(Buffer.buffer(pattern(sent, n)));
            sent += n;
        }
        if (sent == size) {
            // A drain after the end would otherwise call an older continuation again.
            request.response().drainHandler(null).end();
            return;
        }
        long from = sent;
        request.response().drainHandler(v -> send(request, from, size));
    }

    /** The bytes at {@code offset} of the endless pattern both sides of a test agree on. */
    static byte[] pattern(long offset, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) ('a' + (offset + i) % 26);
        }
        return bytes;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("stand-in upstream did not close", e);
        }
    }
}
