package dev.goto4j.proxy;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.streams.WriteStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One request body streamed to several upstream calls at once (replicas, or several matching
 * targets). It is as full as its fullest call, so a slow upstream slows the reading of the body
 * instead of letting it pile up in memory. A write fails only when it failed for every call, so
 * one upstream that goes away does not cut the body short for the others.
 */
final class FanOut implements WriteStream<Buffer> {

    private final List<HttpClientRequest> calls;

    FanOut(List<HttpClientRequest> calls) {
        this.calls = calls;
    }

    @Override
    public FanOut exceptionHandler(Handler<Throwable> handler) {
        calls.forEach(call -> call.exceptionHandler(handler));
        return this;
    }

    @Override
    public Future<Void> write(Buffer data) {
        List<Future<Void>> writes = new ArrayList<>(calls.size());
        for (HttpClientRequest call : calls) {
            // Each write takes its own view of the bytes, so sharing the buffer is safe.
            writes.add(call.write(data));
        }
        return Future.any(writes).mapEmpty();
    }

    @Override
    public Future<Void> end() {
        List<Future<Void>> ends = new ArrayList<>(calls.size());
        calls.forEach(call -> ends.add(call.end()));
        return Future.any(ends).mapEmpty();
    }

    @Override
    public FanOut setWriteQueueMaxSize(int maxSize) {
        calls.forEach(call -> call.setWriteQueueMaxSize(maxSize));
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        for (HttpClientRequest call : calls) {
            if (call.writeQueueFull()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public FanOut drainHandler(Handler<Void> handler) {
        for (HttpClientRequest call : calls) {
            call.drainHandler(handler == null ? null : v -> {
                if (!writeQueueFull()) {
                    handler.handle(null);
                }
            });
        }
        return this;
    }
}
