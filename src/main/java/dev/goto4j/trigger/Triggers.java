package dev.goto4j.trigger;

import dev.goto4j.server.Listener;
import io.vertx.core.Vertx;
import java.util.function.Function;

/**
 * The trigger capability of an instance: finds the triggers of each listener. Triggers live with
 * the listener, so one added through a port fires only on that port's responses.
 */
public final class Triggers {

    private final Function<Listener, TriggerState> create;

    public Triggers(Vertx vertx) {
        this.create = listener -> new TriggerState(vertx);
    }

    TriggerState state(Listener listener) {
        return listener.state(TriggerState.class, create);
    }
}
