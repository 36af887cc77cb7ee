package dev.goto4j.server;

import io.vertx.ext.web.Router;
import java.util.List;

/**
 * The admin routes of one capability. Each capability mounts its own routes; a request whose
 * first path segment is one of the {@link #roots()} of any capability is admin traffic, never
 * delayed, forced, proxied or counted.
 */
public interface AdminApi {

    /** First path segments this capability owns, such as {@code "client"}. */
    List<String> roots();

    /** Adds the routes; handlers find their listener with {@link Listener#of}. */
    void mount(Router router);
}
