package dev.goto4j.server.response;

import static dev.goto4j.http.Routes.command;
import static dev.goto4j.http.Routes.read;

import dev.goto4j.http.ApiException;
import dev.goto4j.http.Problem;
import dev.goto4j.http.Replies;
import dev.goto4j.server.AdminApi;
import dev.goto4j.server.Listener;
import dev.goto4j.server.UriPattern;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** Admin routes for the payloads a listener answers with ({@code /response/payload/...}). */
public final class PayloadRoutes implements AdminApi {

    /** What a payload set without a Content-Type is served as. */
    private static final String DEFAULT_CONTENT_TYPE = "text/plain; charset=utf-8";

    @Override
    public List<String> roots() {
        return List.of("response");
    }

    @Override
    public void mount(Router router) {
        command(router, "/response/payload/set/default", this::setDefault);
        command(router, "/response/payload/set/uri", this::setForUri);
        command(router, "/response/payload/set/header/:header/value/:value", this::setForHeader);
        command(router, "/response/payload/set/header/:header", this::setForHeader);
        command(router, "/response/payload/clear", this::clear);
        read(router, "/response/payload", ctx ->
                Replies.json(ctx, ResponsePayloads.of(Listener.of(ctx)).view()));
    }

    private void setDefault(RoutingContext ctx) {
        ResponsePayloads.of(Listener.of(ctx)).setDefault(payload(ctx));
        Replies.text(ctx, "Default response payload set");
    }

    private void setForUri(RoutingContext ctx) {
        String uri = ctx.queryParams().get("uri");
        if (uri == null || uri.isEmpty()) {
            throw ApiException.badRequest("missing uri query parameter",
                    Problem.of("uri", uri, "?uri=/some/path"));
        }
        UriPattern pattern = UriPattern.parse("uri", uri);
        ResponsePayloads.of(Listener.of(ctx)).setForUri(pattern, payload(ctx));
        Replies.text(ctx, "Response payload set for URI " + uri);
    }

    private void setForHeader(RoutingContext ctx) {
        String header = ctx.pathParam("header");
        String value = ctx.pathParam("value");
        ResponsePayloads.of(Listener.of(ctx)).setForHeader(header, value, payload(ctx));
        Replies.text(ctx, "Response payload set for header " + header
                + (value == null ? "" : " with value " + value));
    }

    private void clear(RoutingContext ctx) {
        ResponsePayloads.of(Listener.of(ctx)).clear();
        Replies.text(ctx, "Response payloads cleared");
    }

    /** The request body as a payload; an empty body is refused, as it is almost always a slip. */
    private static ResponsePayloads.Payload payload(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw ApiException.badRequest("missing payload in the request body",
                    Problem.of("body", "", "the payload to answer with, as in --data '...'"));
        }
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return new ResponsePayloads.Payload(body.copy(),
                contentType == null || contentType.isBlank() ? DEFAULT_CONTENT_TYPE : contentType);
    }
}
