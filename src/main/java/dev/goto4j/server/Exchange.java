package dev.goto4j.server;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * One runtime request on its way through the pipeline: the request, the listener that received
 * it, and what earlier stages decided for the response (a forced status). Lives on one event loop,
 * so its fields need no synchronisation.
 */
public final class Exchange {

    private static final String STATUS_PREFIX = "/status/";

    private final HttpServerRequest request;
    private final Listener listener;
    private final RuntimeStage[] stages;
    private int nextStage;
    private int forcedStatus;
    private boolean bodyHeld;
    private List<IntConsumer> endCallbacks;
    private List<Runnable> closeCallbacks;

    Exchange(HttpServerRequest request, Listener listener, RuntimeStage[] stages) {
        this.request = request;
        this.listener = listener;
        this.stages = stages;
    }

    /** Hands the request to the next stage of the pipeline. */
    public void proceed() {
        stages[nextStage++].handle(this);
    }

    public HttpServerRequest request() {
        return request;
    }

    public HttpServerResponse response() {
        return request.response();
    }

    public Listener listener() {
        return listener;
    }

    /**
     * Keeps the request body from flowing until a later stage reads it. A stage that proceeds
     * later (from a timer) calls this first; otherwise body data arriving in the meantime would
     * find no handler and be lost. Piping the request (as a proxy does) resumes it by itself.
     */
    public void holdBody() {
        if (!bodyHeld && !request.isEnded()) {
            request.pause();
            bodyHeld = true;
            // An answer that never read the body lets the rest of it drain, so the connection
            // can serve its next request.
            whenEnded(status -> releaseBody());
        }
    }

    private void releaseBody() {
        if (bodyHeld) {
            bodyHeld = false;
            request.resume();
        }
    }

    /** Reads the whole request body, releasing it if an earlier stage held it. */
    public Future<Buffer> body() {
        Future<Buffer> body = request.body();
        releaseBody();
        return body;
    }

    /** Makes the answer carry {@code status} whatever later stages would have sent. */
    public void forceStatus(int status) {
        this.forcedStatus = status;
    }

    /** The forced status, or 0 when none was forced. */
    public int forcedStatus() {
        return forcedStatus;
    }

    /** The status to answer with: the forced one if any, else {@code status}. */
    public int statusOr(int status) {
        return forcedStatus != 0 ? forcedStatus : status;
    }

    /** The status asked for by a {@code /status/{code}} request, or 0 for any other path. */
    public int requestedStatus() {
        String path = request.path();
        if (path == null || !path.startsWith(STATUS_PREFIX)) {
            return 0;
        }
        return StatusResponder.parseCode(path.substring(STATUS_PREFIX.length()));
    }

    /** Runs {@code callback} with the status sent once the response has been written. */
    public void whenEnded(IntConsumer callback) {
        if (endCallbacks == null) {
            endCallbacks = new ArrayList<>(2);
            HttpServerResponse response = response();
            response.endHandler(v -> {
                // Vert.x also calls this when the connection closes before an answer was
                // written; that request was not answered, so it is not counted as if it were.
                if (!response.ended()) {
                    return;
                }
                int status = response.getStatusCode();
                for (IntConsumer c : endCallbacks) {
                    c.accept(status);
                }
            });
        }
        endCallbacks.add(callback);
    }

    /** Runs {@code callback} if the connection closes before the response was written. */
    public void whenClosedEarly(Runnable callback) {
        if (closeCallbacks == null) {
            closeCallbacks = new ArrayList<>(1);
            HttpServerResponse response = response();
            response.closeHandler(v -> {
                if (!response.ended()) {
                    closeCallbacks.forEach(Runnable::run);
                }
            });
        }
        closeCallbacks.add(callback);
    }
}
