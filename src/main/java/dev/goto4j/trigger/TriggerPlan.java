package dev.goto4j.trigger;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.List;
import java.util.UUID;

/**
 * A trigger made ready to fire: its method, URL, headers and body parsed once, and the statuses
 * it fires on as a lookup table.
 */
final class TriggerPlan {

    /** Time to open a connection, and time without any data, before a call counts as failed. */
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final long IDLE_TIMEOUT_MILLIS = 30_000;

    final Trigger trigger;
    final String name;
    private final HttpMethod method;
    private final MultiMap headers;
    private final Buffer body;
    private final boolean[] statuses = new boolean[600];
    private volatile boolean enabled;

    TriggerPlan(Trigger trigger) {
        this.trigger = trigger;
        this.name = trigger.name();
        this.method = HttpMethod.valueOf(trigger.method());
        this.headers = HttpHeaders.headers();
        for (List<String> header : trigger.headers()) {
            headers.add(header.get(0), header.get(1));
        }
        this.body = Buffer.buffer(trigger.body());
        trigger.triggerOnResponseStatuses().forEach(status -> statuses[status] = true);
        this.enabled = trigger.enabled();
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean on) {
        this.enabled = on;
    }

    /** True when this trigger is enabled and fires on {@code status}. */
    boolean firesOn(int status) {
        return enabled && status >= 0 && status < statuses.length && statuses[status];
    }

    /** Marks in {@code table} the statuses this trigger fires on. */
    void markStatuses(boolean[] table) {
        for (int i = 0; i < statuses.length; i++) {
            table[i] |= statuses[i];
        }
    }

    RequestOptions options() {
        String url = trigger.url();
        if (trigger.sendID()) {
            url = url + (url.indexOf('?') < 0 ? '?' : '&') + "x-request-id=" + UUID.randomUUID();
        }
        return new RequestOptions().setMethod(method).setAbsoluteURI(url)
                .setConnectTimeout(CONNECT_TIMEOUT_MILLIS).setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    }

    MultiMap headers() {
        return headers;
    }

    Buffer body() {
        return body;
    }

    /** The trigger as listed, with its current enabled state. */
    Trigger view() {
        return trigger.withEnabled(enabled);
    }
}
