package dev.goto4j.proxy;

import dev.goto4j.http.UpstreamUrl;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A proxy target made ready for traffic: its match criteria and rewrite rules compiled once,
 * and its own pooled HTTP client, so that matching and forwarding a request parse nothing.
 */
final class TargetRoute {

    /** Time to open an upstream connection before the call counts as failed. */
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    /** Time an upstream call may go without receiving anything before it counts as failed. */
    static final long IDLE_TIMEOUT_MILLIS = 60_000;
    /** Pooled connections per target, and calls that may wait for one beyond those. */
    static final int MAX_CONNECTIONS = 256;
    static final int MAX_WAITING = 4096;
    private static final long SHUTDOWN_GRACE_SECONDS = 5;

    final ProxyTarget target;
    final String name;
    final int replicas;
    private final HttpClientAgent client;
    private final UpstreamUrl upstream;
    private final String pathPrefix;
    private final boolean matchesAll;
    private final ValueMatcher[] uris;
    private final String[] headerNames;
    private final ValueMatcher[] headerValues;
    private final String[] queryNames;
    private final ValueMatcher[] queryValues;
    private final Template replaceUri;
    private final String[] addHeaderNames;
    private final Template[] addHeaderValues;
    private final String[] skipHeaders;
    private final String[] addQueryNames;
    private final Template[] addQueryValues;
    private final String[] removeQuery;
    private final boolean sendId;
    private final boolean rewritesQuery;
    private volatile boolean enabled;

    TargetRoute(Vertx vertx, ProxyTarget target) {
        this.target = target;
        this.name = target.name();
        this.replicas = target.replicas();
        this.enabled = target.enabled();
        this.upstream = UpstreamUrl.parse(target.url());
        String path = upstream.rawPath();
        this.pathPrefix = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;

        ProxyMatch match = target.match();
        this.matchesAll = match.uris().contains("/");
        this.uris = match.uris().stream()
                .map(uri -> ValueMatcher.of("match.uris", uri, ValueMatcher.SEGMENT))
                .toArray(ValueMatcher[]::new);
        this.headerNames = names(match.headers());
        this.headerValues = valueMatchers("match.headers", match.headers());
        this.queryNames = names(match.query());
        this.queryValues = valueMatchers("match.query", match.query());

        this.replaceUri = target.replaceURI().isEmpty() ? null
                : Template.parse("replaceURI", target.replaceURI());
        this.addHeaderNames = names(target.addHeaders());
        this.addHeaderValues = templates("addHeaders", target.addHeaders());
        // Host names the upstream, Expect is answered here: neither is passed on as received.
        this.skipHeaders = Stream.concat(Stream.of("host", "expect"),
                target.removeHeaders().stream()).toArray(String[]::new);
        this.addQueryNames = names(target.addQuery());
        this.addQueryValues = templates("addQuery", target.addQuery());
        this.removeQuery = target.removeQuery().toArray(String[]::new);
        this.sendId = target.sendID();
        this.rewritesQuery = sendId || addQueryNames.length > 0 || removeQuery.length > 0;
        this.client = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                        .setDecompressionSupported(false)
                        .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
                        // Like client targets without verifyTLS: any upstream certificate will do.
                        .setTrustAll(true).setVerifyHost(false).setForceSni(true))
                .with(new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS)
                        .setMaxWaitQueueSize(MAX_WAITING))
                .build();
    }

    private static String[] names(List<List<String>> entries) {
        return entries.stream().map(entry -> entry.get(0)).toArray(String[]::new);
    }

    /** A matcher per entry, or null for an entry that matches on presence alone. */
    private static ValueMatcher[] valueMatchers(String field, List<List<String>> entries) {
        return entries.stream()
                .map(entry -> entry.size() < 2 ? null
                        : ValueMatcher.of(field, entry.get(1), ValueMatcher.ANYTHING))
                .toArray(ValueMatcher[]::new);
    }

    private static Template[] templates(String field, List<List<String>> entries) {
        return entries.stream().map(entry -> Template.parse(field, entry.get(1)))
                .toArray(Template[]::new);
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean on) {
        this.enabled = on;
    }

    /** The target as listed, with its current enabled state. */
    ProxyTarget view() {
        return target.withEnabled(enabled);
    }

    /** What {@code request} matched of this target (any URI, header or query entry), or null. */
    Match match(HttpServerRequest request) {
        Match match = new Match();
        if (matchesAll) {
            match.byUri = true;
        } else {
            String path = request.path();
            for (ValueMatcher uri : uris) {
                if (path != null && uri.matches(path, match)) {
                    match.byUri = true;
                    break;
                }
            }
        }
        if (headerNames.length > 0) {
            matchEntries(request.headers(), headerNames, headerValues, match, true);
        }
        if (queryNames.length > 0) {
            matchEntries(request.params(), queryNames, queryValues, match, false);
        }
        return match.isEmpty() ? null : match;
    }

    private static void matchEntries(MultiMap values, String[] names, ValueMatcher[] matchers,
                                     Match match, boolean headers) {
        for (int i = 0; i < names.length; i++) {
            String value = values.get(names[i]);
            if (value == null) {
                continue;
            }
            ValueMatcher matcher = matchers[i];
            if (matcher != null && !matcher.matches(value, match)) {
                value = firstMatching(values.getAll(names[i]), matcher, match);
            }
            if (value != null && headers) {
                match.header(names[i], value);
            } else if (value != null) {
                match.query(names[i], value);
            }
        }
    }

    private static String firstMatching(List<String> values, ValueMatcher matcher, Match match) {
        for (int i = 1; i < values.size(); i++) {
            if (matcher.matches(values.get(i), match)) {
                return values.get(i);
            }
        }
        return null;
    }

    /** The options of one upstream call. */
    RequestOptions options(HttpMethod method, String uri) {
        return new RequestOptions().setMethod(method).setHost(upstream.host())
                .setPort(upstream.port()).setSsl(upstream.ssl()).setURI(uri)
                .setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    }

    Future<HttpClientRequest> request(RequestOptions options) {
        return client.request(options);
    }

    /**
     * The URI to call upstream: the URL's path, then the replacement URI filled with the
     * captures (placeholders without a value become empty) or the request's own path, then the
     * query with removeQuery left out and addQuery and the request id added.
     */
    String upstreamUri(HttpServerRequest request, Match match) {
        String uri = request.uri();
        if (pathPrefix.isEmpty() && replaceUri == null && !rewritesQuery && uri.startsWith("/")) {
            return uri;
        }
        String path = replaceUri == null ? request.path() : replaceUri.fill(match.captures(), true);
        return compose(path, request.query(), match);
    }

    /** The URI of a manual invocation: as for a request to {@code /} that captured nothing. */
    String invocationUri() {
        return compose(replaceUri == null ? "/" : replaceUri.fill(null, true), null, null);
    }

    private String compose(String path, String query, Match match) {
        int mark = path == null ? -1 : path.indexOf('?');
        if (mark >= 0) {
            String own = path.substring(mark + 1);
            query = query == null || query.isEmpty() ? own : own + "&" + query;
            path = path.substring(0, mark);
        }
        if (rewritesQuery) {
            query = rewriteQuery(query, match);
        }
        String full = pathPrefix + (path == null || path.isEmpty() ? "/" : path);
        return query == null || query.isEmpty() ? full : full + "?" + query;
    }

    private String rewriteQuery(String query, Match match) {
        StringBuilder rewritten = new StringBuilder(query == null ? 32 : query.length() + 32);
        if (query != null) {
            for (String part : query.split("&")) {
                if (!part.isEmpty() && !isRemoved(part)) {
                    append(rewritten, part);
                }
            }
        }
        for (int i = 0; i < addQueryNames.length; i++) {
            String value = addQueryValues[i].fill(match == null ? null : match.captures(), false);
            if (value != null) {
                append(rewritten, encode(addQueryNames[i]) + "=" + encode(value));
            }
        }
        if (sendId) {
            append(rewritten, "x-request-id=" + UUID.randomUUID());
        }
        return rewritten.toString();
    }

    private boolean isRemoved(String part) {
        if (removeQuery.length == 0) {
            return false;
        }
        int equals = part.indexOf('=');
        String rawName = equals < 0 ? part : part.substring(0, equals);
        String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
        for (String removed : removeQuery) {
            if (removed.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void append(StringBuilder query, String part) {
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(part);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * Puts the request's end-to-end headers on the upstream call, without those removed by the
     * target, then the target's added headers filled with the captures (an added header whose
     * placeholder captured nothing is left out).
     */
    void copyHeaders(MultiMap from, MultiMap to, Match match) {
        HopByHop.copy(from, to, skipHeaders);
        addHeaders(to, match);
    }

    void addHeaders(MultiMap to, Match match) {
        Map<String, String> captures = match == null ? null : match.captures();
        for (int i = 0; i < addHeaderNames.length; i++) {
            String value = addHeaderValues[i].fill(captures, false);
            if (value != null) {
                to.add(addHeaderNames[i], value);
            }
        }
    }

    /** The upstream call's base URL as configured, for error texts. */
    String url() {
        return target.url();
    }

    /** Closes the pooled connections, giving calls in flight a few seconds to finish. */
    void close() {
        client.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    }
}
