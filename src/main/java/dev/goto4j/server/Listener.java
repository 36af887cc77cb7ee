package dev.goto4j.server;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One listener port of this instance and the server settings that belong to it. Every admin call
 * changes the settings of the listener whose port received it; capabilities keep their
 * per-listener state here through {@link #state}.
 */
public final class Listener {

    static final String CONTEXT_KEY = "goto.listener";

    private final int port;
    private final String protocol;
    private final String defaultLabel;
    private final String gotoHost;
    private final CountLimits limits;
    private final ConcurrentHashMap<Class<?>, Object> states = new ConcurrentHashMap<>();
    private volatile String label;
    private volatile CharSequence viaGotoHeader;
    private volatile CharSequence gotoHostHeader;
    private volatile HttpServer server;

    Listener(int port, String protocol, String label, String defaultLabel, HostIdentity host,
             CountLimits limits) {
        this.port = port;
        this.limits = limits;
        this.protocol = protocol;
        this.defaultLabel = defaultLabel;
        this.gotoHost = host.gotoHost(port);
        this.gotoHostHeader = HttpHeaders.createOptimized(gotoHost);
        setLabel(label);
    }

    /** The listener that received an admin call. */
    public static Listener of(RoutingContext ctx) {
        return ctx.get(CONTEXT_KEY);
    }

    /**
     * The state a capability keeps for this listener, created on first use. Each capability
     * passes its own state class, so settings never leak between capabilities or ports.
     */
    @SuppressWarnings("unchecked") // the map only ever holds a value under its own class
    public <T> T state(Class<T> type, Function<Listener, T> create) {
        Object existing = states.get(type);
        if (existing != null) {
            return (T) existing;
        }
        return (T) states.computeIfAbsent(type, t -> create.apply(this));
    }

    public int port() {
        return port;
    }

    /** The caps on what this listener counts by name. */
    public CountLimits limits() {
        return limits;
    }

    public String protocol() {
        return protocol;
    }

    public String label() {
        return label;
    }

    public boolean isOpen() {
        return server != null;
    }

    /** Sets the label that {@code Via-Goto} carries; null or blank goes back to the default. */
    public void setLabel(String newLabel) {
        String effective = newLabel == null || newLabel.isBlank() ? defaultLabel : newLabel;
        this.label = effective;
        this.viaGotoHeader = HttpHeaders.createOptimized(effective);
    }

    CharSequence viaGotoHeader() {
        return viaGotoHeader;
    }

    CharSequence gotoHostHeader() {
        return gotoHostHeader;
    }

    /** The {@code Goto-Host} value of this listener: host.namespace@ip:port. */
    public String gotoHost() {
        return gotoHost;
    }

    HttpServer server() {
        return server;
    }

    void server(HttpServer server) {
        this.server = server;
    }

    /** The listener as {@code GET /listeners} shows it. */
    public ListenerView view() {
        return new ListenerView(label, port, protocol, isOpen());
    }

    /** JSON form of a listener. */
    public record ListenerView(String label, int port, String protocol, boolean open) {
    }
}
