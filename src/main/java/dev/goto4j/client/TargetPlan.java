package dev.goto4j.client;

import dev.goto4j.http.UpstreamUrl;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpConnectOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A target turned once into everything the request path needs (parsed URL, headers, body,
 * durations, client options), so that sending a request parses and allocates nothing more.
 */
final class TargetPlan {

    final Target target;
    final String name;
    final HttpMethod method;
    final boolean ssl;
    final String connectHost;
    final int port;
    final String hostHeader;
    private final String hostName;
    private final int hostPort;
    /** The Host header exactly as the target gives it (no port added), or null. */
    private final HostAndPort authority;
    final String pathAndQuery;
    final String displayUrl;
    final MultiMap headers;
    final Buffer body;
    final int replicas;
    final int requestCount;
    final long initialDelayMillis;
    final long delayMillis;
    final int retries;
    final long retryDelayMillis;
    final boolean[] retriable = new boolean[600];
    final boolean sendId;
    final long requestTimeoutMillis;
    private final HttpClientOptions clientOptions;
    private final SocketAddress server;
    private final RequestOptions sameOptions;
    private final HttpConnectOptions connectOptions;
    /**
     * Whether each replica opens its own connection rather than taking one from a pool per
     * request: taking from the pool costs about a quarter of the client's rate. HTTP/2 and the
     * upgrade to it stay on the pool, which negotiates them.
     */
    final boolean ownConnections;

    TargetPlan(Target target, TrustRoots roots) {
        this.target = target;
        this.name = target.name();
        this.method = HttpMethod.valueOf(target.method());
        UpstreamUrl url = UpstreamUrl.parse(target.url());
        this.ssl = url.ssl();
        this.connectHost = url.host();
        this.port = url.port();
        String path = url.rawPath().isEmpty() ? "/" : url.rawPath();
        this.pathAndQuery = url.rawQuery() == null ? path : path + "?" + url.rawQuery();
        this.displayUrl = target.url();
        this.headers = HttpHeaders.headers();
        String host = null;
        for (List<String> header : target.headers()) {
            if (header.get(0).equalsIgnoreCase("host")) {
                host = header.get(1);
            } else {
                headers.add(header.get(0), header.get(1));
            }
        }
        this.hostHeader = host;
        URI authority = host == null ? null : URI.create("http://" + host + "/");
        this.hostName = authority == null ? null : authority.getHost();
        this.hostPort = authority == null ? -1 : authority.getPort();
        this.authority = authority == null ? null : HostAndPort.authority(hostName, hostPort);
        this.body = Buffer.buffer(target.body());
        this.replicas = target.replicas();
        this.requestCount = target.requestCount();
        this.initialDelayMillis = Target.duration(target.initialDelay(), Duration.ZERO).toMillis();
        this.delayMillis = Target.duration(target.delay(), Duration.ZERO).toMillis();
        this.retries = target.retries() == null ? 0 : target.retries();
        this.retryDelayMillis = Target.duration(target.retryDelay(), Duration.ofSeconds(1))
                .toMillis();
        if (target.retriableStatusCodes() != null) {
            target.retriableStatusCodes().forEach(code -> retriable[code] = true);
        }
        this.sendId = Boolean.TRUE.equals(target.sendID());
        this.requestTimeoutMillis = Target.duration(target.requestTimeout(), Duration.ZERO)
                .toMillis();
        this.clientOptions = clientOptions(target, roots);
        this.server = SocketAddress.inetSocketAddress(port, connectHost);
        this.sameOptions = options(pathAndQuery);
        this.ownConnections = !Target.HTTP_2.equals(target.protocol())
                && !Boolean.TRUE.equals(target.autoUpgrade());
        this.connectOptions = new HttpConnectOptions().setServer(server).setSsl(ssl)
                .setHost(sameOptions.getHost()).setPort(sameOptions.getPort());
    }

    private HttpClientOptions clientOptions(Target target, TrustRoots roots) {
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true)
                .setTcpNoDelay(true).setDecompressionSupported(false);
        boolean http2 = Target.HTTP_2.equals(target.protocol());
        boolean upgrade = Boolean.TRUE.equals(target.autoUpgrade());
        if (http2 || upgrade) {
            options.setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(ssl)
                    // HTTP/2.0 on cleartext speaks h2c at once; autoUpgrade asks via Upgrade.
                    .setHttp2ClearTextUpgrade(upgrade);
        }
        if (ssl) {
            boolean verify = Boolean.TRUE.equals(target.verifyTLS());
            options.setSsl(true).setForceSni(true).setTrustAll(!verify).setVerifyHost(verify);
            if (verify && roots.pemOrNull() != null) {
                options.setTrustOptions(roots.pemOrNull());
            }
        }
        long connect = Target.duration(target.connTimeout(), Duration.ZERO).toMillis();
        if (connect > 0) {
            options.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connect));
        }
        long idle = Target.duration(target.connIdleTimeout(), Duration.ZERO).toMillis();
        if (idle > 0) {
            options.setIdleTimeout((int) Math.min(Integer.MAX_VALUE, idle))
                    .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        return options;
    }

    HttpClientOptions clientOptions() {
        return new HttpClientOptions(clientOptions);
    }

    /**
     * Where a replica's own connection goes: the URL's host, named (for SNI and the certificate
     * check) as the request options name it.
     */
    HttpConnectOptions connectOptions() {
        return connectOptions;
    }

    /** A connection pool that holds one connection for each of {@code replicaCount}. */
    PoolOptions poolOptions(int replicaCount) {
        return new PoolOptions().setHttp1MaxSize(Math.max(1, replicaCount)).setHttp2MaxSize(1);
    }

    /**
     * The options of one request. The connection goes to the URL's host; the {@code Host}
     * header of the target, if any, becomes the authority, the SNI name and the name the
     * certificate is verified against. Without a request id the options are the same for every
     * request and are built once: the client only reads them.
     */
    RequestOptions requestOptions(String requestId) {
        return requestId == null ? sameOptions : options(withId(requestId));
    }

    private RequestOptions options(String uri) {
        RequestOptions options = new RequestOptions().setMethod(method).setSsl(ssl).setURI(uri)
                .setHeaders(headers).setServer(server);
        if (hostHeader == null) {
            options.setHost(connectHost).setPort(port);
        } else {
            options.setHost(hostName).setPort(hostPort > 0 ? hostPort : port);
        }
        if (requestTimeoutMillis > 0) {
            options.setIdleTimeout(requestTimeoutMillis);
        }
        return options;
    }

    /** Sets the target's own Host header, which the request options alone would add a port to. */
    HttpClientRequest prepare(HttpClientRequest request) {
        return authority == null ? request : request.authority(authority);
    }

    private String withId(String requestId) {
        char joiner = pathAndQuery.indexOf('?') < 0 ? '?' : '&';
        return pathAndQuery + joiner + "x-request-id=" + requestId;
    }

    /** Go-style op name for error texts: {@code Post "url": cause}. */
    String errorText(Throwable failure) {
        String m = method.name();
        String op = m.charAt(0) + m.substring(1).toLowerCase(Locale.ROOT);
        return op + " \"" + displayUrl + "\": " + describe(failure);
    }

    /** The failure's message, with its root cause when that says more (TLS failures do). */
    private static String describe(Throwable failure) {
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage();
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != failure && root.getMessage() != null && !text.contains(root.getMessage())) {
            text = text + ": " + root.getMessage();
        }
        return text;
    }
}
