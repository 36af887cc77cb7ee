package dev.goto4j.server.response;

import dev.goto4j.server.Exchange;
import dev.goto4j.server.Listener;
import dev.goto4j.server.RuntimeStage;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * The delay a listener adds before answering runtime requests. A delayed request waits on an
 * event-loop timer, never on a thread, so thousands can wait at once.
 */
public final class ResponseDelay {

    private volatile Duration delay = Duration.ZERO;
    private volatile long delayMillis;

    static ResponseDelay of(Listener listener) {
        return listener.state(ResponseDelay.class, l -> new ResponseDelay());
    }

    /** The stage that holds each runtime request for the listener's delay, then proceeds. */
    public static RuntimeStage stage(Vertx vertx) {
        return exchange -> of(exchange.listener()).apply(vertx, exchange);
    }

    private void apply(Vertx vertx, Exchange exchange) {
        long millis = delayMillis;
        if (millis <= 0) {
            exchange.proceed();
            return;
        }
        exchange.holdBody();
        vertx.setTimer(millis, id -> {
            // A client that gave up while waiting gets nothing more: its connection is gone.
            if (!exchange.response().closed()) {
                exchange.proceed();
            }
        });
    }

    Duration delay() {
        return delay;
    }

    void set(Duration newDelay) {
        delay = newDelay;
        // Sub-millisecond delays round up, so a delay that was set is never skipped.
        long millis = newDelay.toMillis();
        delayMillis = millis == 0 && !newDelay.isZero() ? 1 : millis;
    }
}
