package dev.goto4j.proxy;

import dev.goto4j.http.ApiException;
import dev.goto4j.http.CallResult;
import dev.goto4j.http.Problem;
import dev.goto4j.http.Replies;
import dev.goto4j.server.Exchange;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One runtime request forwarded to the targets it matched, each called {@code replicas} times.
 * The request body is piped to the upstream calls and the chosen response is piped back, so no
 * body is ever held whole in memory. The caller gets the first response of the first target
 * added (the primary); every other response is read to its end, discarded and counted. When no
 * call of the primary answers, the caller gets a 502 naming the target and the reason.
 *
 * <p>Lives on the event loop of the request: the upstream clients run their callbacks there, so
 * its fields need no synchronisation.
 */
final class ProxyCall {

    private static final Logger log = LoggerFactory.getLogger(ProxyCall.class);
    private static final Handler<Buffer> DISCARD = data -> { };

    private final Exchange exchange;
    private final HttpServerRequest in;
    private final ProxyCounts counts;
    private final TargetRoute[] routes;
    private final Match[] matches;
    private final HttpClientRequest[] upstream;
    private final boolean hasBody;
    private int opening;
    private int primaryPending;
    private boolean answered;

    private ProxyCall(Exchange exchange, ProxyCounts counts, TargetRoute[] routes, Match[] matches,
                      int calls) {
        this.exchange = exchange;
        this.in = exchange.request();
        this.counts = counts;
        this.routes = routes;
        this.matches = matches;
        this.upstream = new HttpClientRequest[calls];
        this.hasBody = expectsBody(in);
        this.opening = calls;
        this.primaryPending = routes[0].replicas;
    }

    /**
     * Forwards the request of {@code exchange} to {@code routes} (matched in the order they
     * were added, with what each matched in {@code matches}).
     */
    static void forward(Exchange exchange, ProxyCounts counts, TargetRoute[] routes,
                        Match[] matches) {
        int calls = 0;
        for (TargetRoute route : routes) {
            calls += route.replicas;
        }
        new ProxyCall(exchange, counts, routes, matches, calls).start();
    }

    private void start() {
        if (hasBody) {
            // The body waits in the socket until every upstream call is open.
            exchange.holdBody();
        }
        exchange.whenClosedEarly(this::resetUpstream);
        HttpMethod method = in.method();
        int index = 0;
        for (int r = 0; r < routes.length; r++) {
            TargetRoute route = routes[r];
            Match match = matches[r];
            boolean primary = r == 0;
            for (int replica = 0; replica < route.replicas; replica++) {
                int call = index++;
                route.request(route.options(method, route.upstreamUri(in, match)))
                        .onComplete(ar -> opened(call, route, match, primary, ar));
            }
        }
    }

    private void opened(int call, TargetRoute route, Match match, boolean primary,
                        AsyncResult<HttpClientRequest> ar) {
        if (ar.succeeded()) {
            HttpClientRequest request = ar.result();
            route.copyHeaders(in.headers(), request.headers(), match);
            upstream[call] = request;
            request.response().onComplete(response -> {
                if (response.succeeded()) {
                    responded(route, primary, response.result());
                } else {
                    failed(route, primary, response.cause());
                }
            });
        } else {
            failed(route, primary, ar.cause());
        }
        if (--opening == 0) {
            sendBody();
        }
    }

    /** Starts the upstream requests once all are open: one body, streamed to all of them. */
    private void sendBody() {
        if (!hasBody) {
            for (HttpClientRequest request : upstream) {
                if (request != null) {
                    request.headers().remove(HttpHeaders.CONTENT_LENGTH);
                    request.end();
                }
            }
            return;
        }
        List<HttpClientRequest> open = new ArrayList<>(upstream.length);
        for (HttpClientRequest request : upstream) {
            if (request != null) {
                open.add(request);
            }
        }
        if (open.isEmpty()) {
            // Nobody takes the body: let it drain so the connection can serve its next request.
            in.resume();
            return;
        }
        for (HttpClientRequest request : open) {
            if (!request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                request.setChunked(true);
            }
        }
        if (in.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)
                && !exchange.response().headWritten()) {
            exchange.response().writeContinue();
        }
        in.pipe().endOnFailure(false)
                .to(open.size() == 1 ? open.get(0) : new FanOut(open))
                .onFailure(e -> {
                    log.debug("Proxied request {} {}: body not passed on: {}", in.method(),
                            in.uri(), e.getMessage());
                    resetUpstream();
                });
    }

    private void responded(TargetRoute route, boolean primary, HttpClientResponse response) {
        counts.upstreamStatus(route.name, response.statusCode());
        if (primary && !answered) {
            answered = true;
            relay(response);
        } else {
            response.handler(DISCARD);
        }
    }

    private void failed(TargetRoute route, boolean primary, Throwable failure) {
        counts.upstreamStatus(route.name, 0);
        log.debug("Proxy target {} did not answer {} {}: {}", route.name, in.method(), in.uri(),
                failure.toString());
        if (primary && --primaryPending == 0 && !answered) {
            answered = true;
            badGateway(route, failure);
        }
    }

    /** Sends the upstream response to the caller: status, end-to-end headers, streamed body. */
    private void relay(HttpClientResponse response) {
        HttpServerResponse out = exchange.response();
        if (out.ended() || out.closed()) {
            response.handler(DISCARD);
            return;
        }
        int status = response.statusCode();
        out.setStatusCode(status);
        // Our own Via-Goto and Goto-Host are already there; upstream's follow them.
        HopByHop.copy(response.headers(), out.headers(), null);
        if (!out.headers().contains(HttpHeaders.CONTENT_LENGTH) && mayHaveBody(status)) {
            out.setChunked(true);
        }
        response.pipe().endOnFailure(false).to(out).onFailure(e -> {
            log.debug("Proxied response to {} {} cut short: {}", in.method(), in.uri(),
                    e.getMessage());
            out.reset();
        });
    }

    private void badGateway(TargetRoute route, Throwable failure) {
        HttpServerResponse out = exchange.response();
        if (out.ended() || out.closed()) {
            return;
        }
        if (out.headWritten()) {
            out.reset();
            return;
        }
        Replies.error(out, new ApiException(502, "proxy target " + route.name + " at "
                + route.url() + " did not answer: " + CallResult.reason(failure),
                List.of(Problem.of("url", route.url(), "an upstream that answers"))));
    }

    private void resetUpstream() {
        for (HttpClientRequest request : upstream) {
            if (request != null) {
                request.reset();
            }
        }
    }

    private boolean mayHaveBody(int status) {
        return in.method() != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }

    /** True when the request carries a body still to be read. */
    private static boolean expectsBody(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        String length = request.headers().get(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.equals("0");
        }
        if (request.version() == HttpVersion.HTTP_2) {
            // HTTP/2 tells the end of a body by a frame flag that is not known yet here, so a
            // body without a length is assumed for the methods that usually carry one. A GET
            // over HTTP/2 with a body but no content-length therefore goes upstream without it.
            HttpMethod method = request.method();
            return method == HttpMethod.POST || method == HttpMethod.PUT
                    || method == HttpMethod.PATCH;
        }
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }
}
