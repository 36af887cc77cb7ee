package dev.goto4j;

import java.nio.file.Path;

/**
 * How an instance was started: the command-line flags after validation.
 *
 * @param port the start-up listener port
 * @param label the instance label, sent as {@code Via-Goto} and used to join a registry
 * @param registry the registry URL to join, or null
 * @param locker whether to report results to the registry's lockers
 * @param certs the folder of trusted root certificates
 * @param allowExec whether command jobs may run OS commands
 * @param address the address advertised to a registry, or null to detect it
 * @param bindHost the interface the listeners bind to
 * @param maxTrackedValues distinct values counted per tracked header, path or error text
 */
public record GotoOptions(int port, String label, String registry, boolean locker, Path certs,
                          boolean allowExec, String address, String bindHost,
                          int maxTrackedValues) {

    /** The default of {@code --max-tracked-values}. */
    public static final int DEFAULT_MAX_TRACKED_VALUES = 1000;

    /** Options for an instance on {@code port} bound to loopback, as tests start them. */
    public static GotoOptions loopback(int port, String label) {
        return new GotoOptions(port, label, null, false, Path.of("/etc/certs"), false, null,
                "127.0.0.1", DEFAULT_MAX_TRACKED_VALUES);
    }

    public GotoOptions withRegistry(String registryUrl, boolean useLocker) {
        return new GotoOptions(port, label, registryUrl, useLocker, certs, allowExec, address,
                bindHost, maxTrackedValues);
    }

    public GotoOptions withAllowExec(boolean allow) {
        return new GotoOptions(port, label, registry, locker, certs, allow, address, bindHost,
                maxTrackedValues);
    }

    public GotoOptions withAddress(String advertised) {
        return new GotoOptions(port, label, registry, locker, certs, allowExec, advertised,
                bindHost, maxTrackedValues);
    }

    public GotoOptions withCerts(Path folder) {
        return new GotoOptions(port, label, registry, locker, folder, allowExec, address,
                bindHost, maxTrackedValues);
    }

    public GotoOptions withMaxTrackedValues(int max) {
        return new GotoOptions(port, label, registry, locker, certs, allowExec, address, bindHost,
                max);
    }

    /** The same options under another label. */
    public GotoOptions withLabel(String newLabel) {
        return new GotoOptions(port, newLabel, registry, locker, certs, allowExec, address,
                bindHost, maxTrackedValues);
    }
}
