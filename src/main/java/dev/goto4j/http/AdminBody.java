package dev.goto4j.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;
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
     * Vert.x's body handler would decode a form's fields, failing on any '%' that is not an
     * escape (as in {@code date +%s}). Admin bodies are never forms, so a body labelled as one
     * is read here as it is, its label left in place for handlers that keep it (payloads).
     */
    public static Handler<RoutingContext> handler() {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(LIMIT_BYTES);
        return ctx -> {
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith(FORM)
                    && !ctx.request().isEnded()) {
                readAsIs(ctx);
            } else {
                body.handle(ctx);
            }
        };
    }

    private static long declaredLength(HttpServerRequest request) {
        try {
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void readAsIs(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (declaredLength(request) > LIMIT_BYTES) {
            ctx.fail(413);
            return;
        }
        Buffer read = Buffer.buffer();
        boolean[] tooLarge = {false};
        request.handler(chunk -> {
            if (!tooLarge[0] && read.length() + chunk.length() > LIMIT_BYTES) {
                tooLarge[0] = true;
                ctx.fail(413);
            } else if (!tooLarge[0]) {
                read.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(ctx::fail);
        request.endHandler(v -> {
            if (!tooLarge[0]) {
                RoutingContextInternal internal = (RoutingContextInternal) ctx;
                internal.visitHandler(RoutingContextInternal.BODY_HANDLER);
                internal.setBody(read);
                ctx.next();
            }
        });
        request.resume();
    }
}
