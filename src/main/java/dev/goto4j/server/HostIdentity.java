package dev.goto4j.server;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;

/**
 * Where this instance runs: host or pod name, Kubernetes namespace ("local" outside a cluster)
 * and IP address, read once at start-up from the environment the pod was given.
 */
public record HostIdentity(String hostName, String namespace, String ip) {

    private static final Path NAMESPACE_FILE =
            Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    /** Reads the identity from the process environment and the network interfaces. */
    public static HostIdentity detect() {
        return detect(System.getenv());
    }

    static HostIdentity detect(Map<String, String> env) {
        return new HostIdentity(hostName(env), namespace(env), ip(env));
    }

    /** The value of the {@code Goto-Host} header for a listener on {@code port}. */
    public String gotoHost(int port) {
        return hostName + "." + namespace + "@" + ip + ":" + port;
    }

    private static String hostName(Map<String, String> env) {
        String name = firstSet(env.get("POD_NAME"), env.get("HOSTNAME"));
        if (name != null) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String namespace(Map<String, String> env) {
        String namespace = env.get("POD_NAMESPACE");
        if (namespace != null && !namespace.isBlank()) {
            return namespace.trim();
        }
        try {
            if (Files.isReadable(NAMESPACE_FILE)) {
                String fromFile = Files.readString(NAMESPACE_FILE).trim();
                if (!fromFile.isEmpty()) {
                    return fromFile;
                }
            }
        } catch (IOException e) {
            // Unreadable service-account file: treat as running outside a cluster.
        }
        return "local";
    }

    private static String ip(Map<String, String> env) {
        String podIp = env.get("POD_IP");
        if (podIp != null && !podIp.isBlank()) {
            return podIp.trim();
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // No readable interfaces: fall back to loopback below.
        }
        return "127.0.0.1";
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
