package dev.goto4j.server.response;

import dev.goto4j.server.Exchange;
import dev.goto4j.server.Listener;
import dev.goto4j.server.RuntimeStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The status a listener forces on its runtime responses, until cleared or for the next
 * {@code times} requests. Each request takes one of the remaining times with a compare-and-set,
 * so with {@code 503:2} exactly two requests get 503 however many arrive at once.
 */
public final class ForcedStatus {

    /** A forced status; {@code remaining} below zero means until cleared. */
    private record Rule(int status, AtomicLong remaining) {

        boolean isUnlimited() {
            return remaining.get() < 0;
        }
    }

    private final AtomicReference<Rule> rule = new AtomicReference<>();

    static ForcedStatus of(Listener listener) {
        return listener.state(ForcedStatus.class, l -> new ForcedStatus());
    }

    /** The stage that marks a runtime request with the forced status, if one is due. */
    public static RuntimeStage stage() {
        return exchange -> of(exchange.listener()).apply(exchange);
    }

    private void apply(Exchange exchange) {
        int status = take();
        if (status != 0) {
            exchange.forceStatus(status);
        }
        exchange.proceed();
    }

    /** Forces {@code status} for the next {@code times} requests; 0 times means until cleared. */
    void set(int status, long times) {
        rule.set(new Rule(status, new AtomicLong(times > 0 ? times : -1)));
    }

    void clear() {
        rule.set(null);
    }

    /** Takes one forced response: the status to force now, or 0 when none is due. */
    int take() {
        Rule current = rule.get();
        if (current == null) {
            return 0;
        }
        if (current.isUnlimited()) {
            return current.status();
        }
        while (true) {
            long left = current.remaining().get();
            if (left <= 0) {
                rule.compareAndSet(current, null);
                return 0;
            }
            if (current.remaining().compareAndSet(left, left - 1)) {
                if (left == 1) {
                    rule.compareAndSet(current, null);
                }
                return current.status();
            }
        }
    }

    /** What {@code GET /response/status} shows. */
    View view() {
        Rule current = rule.get();
        if (current == null) {
            return new View(0, 0, false);
        }
        boolean unlimited = current.isUnlimited();
        return new View(current.status(), unlimited ? 0 : current.remaining().get(), unlimited);
    }

    /** The forced status (0 for none), how many responses it still applies to, or forever. */
    record View(int forcedStatus, long remainingTimes, boolean untilCleared) {
    }
}
