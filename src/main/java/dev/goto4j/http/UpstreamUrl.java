package dev.goto4j.http;

import java.net.URI;

/**
 * An http or https URL taken apart as a call to it needs it: whether it is TLS, the host and
 * port to connect to (the scheme's port when none is given), and the raw path ({@code ""} when
 * there is none) and query (null when there is none). For URLs {@link Checks#httpUrl} accepted.
 */
public record UpstreamUrl(boolean ssl, String host, int port, String rawPath, String rawQuery) {

    public static UpstreamUrl parse(String url) {
        URI uri = URI.create(url);
        boolean ssl = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new UpstreamUrl(ssl, uri.getHost(), port, path, uri.getRawQuery());
    }
}
