package dev.goto4j.http;

import io.vertx.ext.web.handler.BodyHandler;

/** The body handling of admin calls: bodies are read whole, up to a limit. */
public final class AdminBody {

    /** Admin bodies hold configuration, never traffic; a megabyte is far more than any needs. */
    public static final long LIMIT_BYTES = 1024 * 1024;

    private AdminBody() {
    }

    public static BodyHandler handler() {
        return BodyHandler.create(false).setBodyLimit(LIMIT_BYTES);
    }
}
