package dev.goto4j.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;

/** The body handling of admin calls: bodies are read whole, up to a limit. */
public final class AdminBody {

    /** Admin bodies hold configuration, never traffic; a megabyte is far more than any needs. */
    public static final long LIMIT_BYTES = 1024 * 1024;

    private static final String FORM = "application/x-www-form-urlencoded";

    private AdminBody() {
    }

    /**
     * Reads admin bodies as they are sent. {@code curl --data} labels its JSON as a form, and
     * Vert.x would decode a form's fields, failing on any '%' that is not an escape (as in
     * {@code date +%s}); admin bodies are never forms, so that label is taken off first.
     */
    public static Handler<RoutingContext> handler() {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(LIMIT_BYTES);
        return ctx -> {
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM)) {
                ctx.request().headers().remove(HttpHeaders.CONTENT_TYPE);
            }
            body.handle(ctx);
        };
    }
}
