package dev.goto4j;

import dev.goto4j.registry.PeerAgent;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The {@code goto} command: parses the flags, starts an instance and stops it on SIGTERM. */
@Command(name = "goto", versionProvider = Goto.VersionFlag.class, sortOptions = false,
        description = "HTTP client and server testing tool, configured through its REST API.")
public final class Goto implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(Goto.class);
    /** Past a million values per header, the counts would no longer fit a pod's memory. */
    private static final int MAX_TRACKED_VALUES_LIMIT = 1_000_000;
    static final Path DEFAULT_CERTS = Path.of("/etc/certs");
    /** How long a stop may take in all: the listeners' grace for in-flight requests and more. */
    private static final long STOP_LIMIT_SECONDS = 20;

    @Option(names = {"-h", "--help", "-help"}, usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version", "-version"}, versionHelp = true,
            description = "Print the version and exit.")
    boolean version;

    @Option(names = {"--port", "-port"}, defaultValue = "8080", paramLabel = "PORT",
            description = "Port of the start-up listener (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = {"--label", "-label"}, paramLabel = "LABEL",
            description = "Label of this instance (default: Goto-<host IP>).")
    String label;

    @Option(names = {"--registry", "-registry"}, paramLabel = "URL",
            description = "URL of a goto registry to join at start-up.")
    String registry;

    @Option(names = {"--locker", "-locker"}, defaultValue = "false", paramLabel = "true|false",
            description = "Report results to the registry's lockers (default: ${DEFAULT-VALUE}).")
    String locker;

    @Option(names = {"--certs", "-certs"}, paramLabel = "DIR",
            description = "Folder of trusted root certificates, .crt and .pem (default: /etc/certs).")
    Path certs;

    @Option(names = {"--allow-exec", "-allow-exec"}, paramLabel = "true|false",
            defaultValue = "false", arity = "0..1", fallbackValue = "true",
            description = "Let command jobs run OS commands (default: ${DEFAULT-VALUE}).")
    String allowExec;

    @Option(names = {"--address", "-address"}, paramLabel = "HOST:PORT",
            description = "Address advertised to the registry (default: POD_IP and the port).")
    String address;

    @Option(names = {"--max-tracked-values", "-max-tracked-values"}, paramLabel = "N",
            defaultValue = "" + GotoOptions.DEFAULT_MAX_TRACKED_VALUES,
            description = "Distinct values counted per tracked header, path or error text; past"
                    + " it, counting goes on under \"(other values)\" (default: ${DEFAULT-VALUE}).")
    int maxTrackedValues;

    @Option(names = {"--bind", "-bind"}, defaultValue = "0.0.0.0", paramLabel = "HOST",
            description = "Interface the listeners bind to (default: ${DEFAULT-VALUE}).")
    String bind;

    public static void main(String[] args) {
        // Exits explicitly: a library thread left running must not keep a stopped goto alive.
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Goto());
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("goto: " + e.getMessage());
            err.flush();
            return 2;
        });
        return cli;
    }

    @Override
    public Integer call() throws Exception {
        GotoOptions options = validate();
        GotoInstance instance = new GotoInstance(options);
        try {
            instance.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("goto: cannot start on port " + options.port() + ": "
                    + cause.getMessage());
            instance.stop();
            return 2;
        }
        awaitTermination(instance);
        return 0;
    }

    private GotoOptions validate() {
        CommandLine cli = new CommandLine(this);
        if (port < 0 || port > 65535) {
            throw new ParameterException(cli, "--port " + port + " is not a port (expected: 0 to 65535)");
        }
        boolean useLocker = booleanFlag(cli, "--locker", locker);
        boolean exec = booleanFlag(cli, "--allow-exec", allowExec);
        if (registry != null && !isHttpUrl(registry)) {
            throw new ParameterException(cli, "--registry " + registry
                    + " is not a URL (expected: http://host:port or https://host:port)");
        }
        if (certs != null && !Files.isDirectory(certs)) {
            throw new ParameterException(cli, "--certs " + certs + " is not a folder");
        }
        if (address != null && !PeerAgent.isAdvertisable(address)) {
            throw new ParameterException(cli, "--address " + address
                    + " is not an address (expected: host or host:port, such as 10.1.2.3:8080)");
        }
        if (maxTrackedValues < 1 || maxTrackedValues > MAX_TRACKED_VALUES_LIMIT) {
            throw new ParameterException(cli, "--max-tracked-values " + maxTrackedValues
                    + " is out of range (expected: 1 to " + MAX_TRACKED_VALUES_LIMIT + ")");
        }
        if (useLocker && registry == null) {
            log.warn("--locker true has no effect without --registry URL: results stay here");
        }
        String effectiveLabel = label == null || label.isBlank() ? null : label;
        GotoOptions options = new GotoOptions(port, effectiveLabel, registry, useLocker,
                certs == null ? DEFAULT_CERTS : certs, exec, address, bind, maxTrackedValues);
        return effectiveLabel != null ? options : withDefaultLabel(options);
    }

    private static GotoOptions withDefaultLabel(GotoOptions options) {
        String ip = dev.goto4j.server.HostIdentity.detect().ip();
        return options.withLabel("Goto-" + ip);
    }

    private static boolean booleanFlag(CommandLine cli, String flag, String value) {
        if ("true".equalsIgnoreCase(value) || "y".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value) || "n".equalsIgnoreCase(value)) {
            return false;
        }
        throw new ParameterException(cli, flag + " " + value + " is not a boolean (expected: true or false)");
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Blocks until SIGTERM or SIGINT, then stops the instance gracefully: a repeated signal
     * changes nothing, and a stop that outlasts its limit is cut short.
     */
    private static void awaitTermination(GotoInstance instance) throws InterruptedException {
        CountDownLatch signalled = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Signals.onTermination(() -> {
            if (stopping.compareAndSet(false, true)) {
                log.info("Stopping: closing listeners");
                signalled.countDown();
                instance.stop().onComplete(ar -> stopped.countDown());
            }
        });
        signalled.await();
        if (stopped.await(STOP_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            log.info("Stopped");
        } else {
            log.warn("Stop took over {} s; exiting anyway", STOP_LIMIT_SECONDS);
        }
    }

    /** Prints the version recorded in the jar. */
    static final class VersionFlag implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"goto " + Version.current()};
        }
    }
}
