package dev.goto4j.trigger;

import dev.goto4j.server.Exchange;
import dev.goto4j.server.RuntimeStage;

/**
 * The runtime stage that watches the status each response is sent with and fires the listener's
 * triggers listed for it, after the response has gone: a trigger never delays an answer. A
 * proxied response carries the upstream's status, so triggers fire on upstream failures too.
 */
public final class TriggerStage implements RuntimeStage {

    private final Triggers triggers;

    public TriggerStage(Triggers triggers) {
        this.triggers = triggers;
    }

    @Override
    public void handle(Exchange exchange) {
        TriggerState state = triggers.state(exchange.listener());
        if (state.isArmed()) {
            exchange.whenEnded(state.firing());
        }
        exchange.proceed();
    }
}
