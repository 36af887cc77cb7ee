package dev.goto4j.server;

import dev.goto4j.http.ApiException;
import dev.goto4j.http.Replies;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry of every request on one listener: stamps the goto identity headers, then sends admin
 * calls to the admin router and everything else down the runtime pipeline. This is the one place
 * that decides admin versus runtime traffic.
 */
final class RequestDispatcher implements Handler<HttpServerRequest> {

    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);
    private static final CharSequence VIA_GOTO = io.vertx.core.http.HttpHeaders.createOptimized("Via-Goto");
    private static final CharSequence GOTO_HOST = io.vertx.core.http.HttpHeaders.createOptimized("Goto-Host");

    private final Listener listener;
    private final Router adminRouter;
    private final String[] adminRoots;
    private final RuntimePipeline pipeline;

    RequestDispatcher(Listener listener, Router adminRouter, String[] adminRoots,
                      RuntimePipeline pipeline) {
        this.listener = listener;
        this.adminRouter = adminRouter;
        this.adminRoots = adminRoots;
        this.pipeline = pipeline;
    }

    @Override
    public void handle(HttpServerRequest request) {
        request.response().headers()
                .add(VIA_GOTO, listener.viaGotoHeader())
                .add(GOTO_HOST, listener.gotoHostHeader());
        if (isAdmin(request.path())) {
            adminRouter.handle(request);
            return;
        }
        try {
            pipeline.handle(request, listener);
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString();
            log.error("Port {}: runtime request {} {} failed, error id {}", listener.port(),
                    request.method(), request.uri(), id, e);
            if (!request.response().ended()) {
                Replies.error(request.response(),
                        new ApiException(500, "internal error, id " + id, List.of()));
            }
        }
    }

    /** True when the first segment of {@code path} is an admin root; allocates nothing. */
    boolean isAdmin(String path) {
        if (path == null || path.length() < 2) {
            return false;
        }
        for (String root : adminRoots) {
            int end = root.length() + 1;
            if (path.startsWith(root, 1) && (path.length() == end || path.charAt(end) == '/')) {
                return true;
            }
        }
        return false;
    }
}
