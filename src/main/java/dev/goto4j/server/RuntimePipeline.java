package dev.goto4j.server;

import io.vertx.core.http.HttpServerRequest;
import java.util.List;

/**
 * The ordered stages every runtime (non-admin) request passes through. The order is decided where
 * the instance is wired; the last stage always answers.
 */
public final class RuntimePipeline {

    private final RuntimeStage[] stages;

    public RuntimePipeline(List<RuntimeStage> stages) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least its answering stage");
        }
        this.stages = stages.toArray(RuntimeStage[]::new);
    }

    void handle(HttpServerRequest request, Listener listener) {
        new Exchange(request, listener, stages).proceed();
    }
}
