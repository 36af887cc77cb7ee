package dev.goto4j.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.GotoOptions;
import dev.goto4j.client.Client;
import dev.goto4j.http.Json;
import dev.goto4j.job.Jobs;
import dev.goto4j.server.HostIdentity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer side: joins the registry at start-up, applies the targets, jobs and tracked headers it
 * answers through this instance's own admin API (so they are validated and run exactly as if a
 * user had sent them), reminds the registry periodically, reports the results of this instance's
 * client and jobs to its locker when asked to, and leaves the registry on stop.
 */
public final class PeerAgent {

    private static final Logger log = LoggerFactory.getLogger(PeerAgent.class);
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    /** How often a peer reminds the registry of itself; a restarted registry relearns it then. */
    static final long REMIND_MILLIS = Long.getLong("goto.peer.remindMillis", 30_000);
    /** Reports are sent at most this often per key. */
    static final long REPORT_MILLIS = Long.getLong("goto.peer.reportMillis", 1_000);

    private final Vertx vertx;
    private final HttpClient http;
    private final String registryUrl;
    private final PeerInfo self;
    private final String localBase;
    private final LockerReporter reporter;
    private volatile boolean stopped;
    private volatile long remindTimer = -1;

    /**
     * @param localBase where this instance's own admin API answers, such as http://127.0.0.1:8080
     * @param client this instance's client, whose results are reported
     * @param jobs this instance's jobs, whose results are reported
     */
    public PeerAgent(Vertx vertx, GotoOptions options, HostIdentity host, int port,
                     String localBase, Client client, Jobs jobs) {
        this.vertx = vertx;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) PeerCalls.TIMEOUT_MILLIS));
        this.registryUrl = stripSlash(options.registry());
        this.self = new PeerInfo(options.label(), host.namespace(), host.hostName(),
                advertisedAddress(options.address(), host, port));
        this.localBase = localBase;
        this.reporter = options.locker()
                ? new LockerReporter(this, vertx.getOrCreateContext(), client, jobs) : null;
    }

    /**
     * The address the registry calls this instance on: {@code --address} (the listener port
     * added when it has none), else the host's IP ({@code POD_IP} in a pod) and the port.
     */
    public static String advertisedAddress(String address, HostIdentity host, int port) {
        String given = address == null ? "" : address.trim();
        if (given.isEmpty()) {
            return withPort(host.ip(), port);
        }
        return PeerInfo.isAddress(given) ? given : withPort(given, port);
    }

    /** Whether an {@code --address} value can be advertised: host, host:port, IPv6 forms. */
    public static boolean isAdvertisable(String address) {
        return address != null && !address.isBlank()
                && PeerInfo.isAddress(advertisedAddress(address, null, 1));
    }

    private static String withPort(String host, int port) {
        boolean bareIpv6 = host.indexOf(':') != host.lastIndexOf(':') && !host.startsWith("[");
        return (bareIpv6 ? "[" + host + "]" : host) + ":" + port;
    }

    public PeerInfo self() {
        return self;
    }

    /** Starts joining; retries with backoff while the registry is unreachable. */
    public void start() {
        join(1_000);
    }

    /** Sends a last report, then leaves the registry. */
    public Future<Void> stop() {
        if (stopped) {
            return Future.succeededFuture();
        }
        stopped = true;
        vertx.cancelTimer(remindTimer);
        Future<Void> lastReport = reporter == null ? Future.succeededFuture() : reporter.stop();
        return lastReport.transform(ar -> toRegistry(HttpMethod.POST, "/registry/peers/"
                + encode(self.name()) + "/remove/" + encode(self.address()), null))
                .onSuccess(r -> log.info("Left registry {} as {} at {}", registryUrl,
                        self.name(), self.address()))
                .<Void>mapEmpty().otherwiseEmpty();
    }

    private void join(long backoffMillis) {
        if (stopped) {
            return;
        }
        toRegistry(HttpMethod.POST, "/registry/peers/add", Json.write(self))
                .onSuccess(reply -> {
                    if (reply.status() != 200) {
                        log.warn("Registry {} refused to register {}: HTTP {} {}; retrying in {} ms",
                                registryUrl, self.name(), reply.status(), reply.body().trim(),
                                backoffMillis);
                        retryJoin(backoffMillis);
                        return;
                    }
                    log.info("Joined registry {} as {} at {}", registryUrl, self.name(),
                            self.address());
                    apply(reply.json()).onComplete(ar -> afterJoin());
                })
                .onFailure(e -> {
                    log.warn("Registry {} unreachable ({}); retrying in {} ms", registryUrl,
                            e.getMessage(), backoffMillis);
                    retryJoin(backoffMillis);
                });
    }

    private void retryJoin(long backoffMillis) {
        vertx.setTimer(backoffMillis, t -> join(Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS)));
    }

    private void afterJoin() {
        if (stopped) {
            return;
        }
        remindTimer = vertx.setPeriodic(REMIND_MILLIS, t -> remind());
        if (reporter != null) {
            reporter.start();
        }
    }

    /**
     * Reminds the registry of this instance. A registry that did not know it any more (it
     * restarted, losing its lockers too) answers 201, and every result is reported again.
     */
    private void remind() {
        toRegistry(HttpMethod.POST, "/registry/peers/" + encode(self.name()) + "/remember",
                Json.write(self))
                .onSuccess(reply -> {
                    if (reply.status() == 201) {
                        log.info("Registry {} had forgotten {} at {}; registered again",
                                registryUrl, self.name(), self.address());
                        if (reporter != null) {
                            reporter.resendAll();
                        }
                    } else if (reply.status() != 200) {
                        log.warn("Registry {} refused the reminder of {}: HTTP {} {}",
                                registryUrl, self.name(), reply.status(), reply.body().trim());
                    }
                })
                .onFailure(e -> log.warn("Registry {} unreachable for reminder: {}", registryUrl,
                        e.getMessage()));
    }

    /**
     * Applies the registry's answer in order: tracked headers, targets, then jobs. Each is
     * applied even if an earlier one was refused; refusals are logged.
     */
    private Future<Void> apply(JsonNode config) {
        Future<Void> chain = Future.succeededFuture();
        String headers = config.path("trackingHeaders").asText("");
        if (!headers.isBlank()) {
            chain = chain.transform(v -> local(HttpMethod.PUT, "/client/track/headers/add/"
                    + headers, null).mapEmpty());
        }
        for (JsonNode target : config.path("targets")) {
            chain = chain.transform(v -> local(HttpMethod.POST, "/client/targets/add",
                    target.toString()).mapEmpty());
        }
        for (JsonNode job : config.path("jobs")) {
            chain = chain.transform(v -> local(HttpMethod.POST, "/jobs/add", job.toString())
                    .mapEmpty());
        }
        return chain;
    }

    /** Calls this instance's own admin API. */
    private Future<Reply> local(HttpMethod method, String path, String body) {
        return send(method, localBase + path, body).onSuccess(reply -> {
            if (reply.status() >= 300) {
                log.warn("Applying {} {} from the registry answered HTTP {}: {}", method, path,
                        reply.status(), reply.body().trim());
            }
        });
    }

    Future<Reply> toRegistry(HttpMethod method, String path, String body) {
        return send(method, registryUrl + path, body);
    }

    /** The path of a locker operation ({@code store}, {@code lock}) on {@code key}. */
    String lockerPath(String operation, String key) {
        return "/registry/peers/" + encode(self.name()) + "/" + encode(self.address())
                + "/locker/" + operation + "/" + encode(key);
    }

    Vertx vertx() {
        return vertx;
    }

    private Future<Reply> send(HttpMethod method, String url, String body) {
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url)
                .setTimeout(PeerCalls.TIMEOUT_MILLIS);
        return http.request(options)
                .compose(request -> body == null ? request.send()
                        : request.putHeader("Content-Type", "application/json")
                                .send(Buffer.buffer(body)))
                .compose(response -> response.body()
                        .map(b -> new Reply(response.statusCode(), b.toString())));
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** An HTTP answer. */
    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                return Json.MAPPER.createObjectNode();
            }
        }
    }
}
