package dev.goto4j.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A goto started as its own process through the real {@code ./goto} script, as a user starts
 * it. Its log lines are kept so tests can read them; closing sends SIGTERM.
 */
public final class GotoProcess extends HttpCalls implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    private final Process process;
    private final List<String> lines;
    private final int port;

    private GotoProcess(Process process, List<String> lines, int port) {
        super("http://127.0.0.1:" + port);
        this.process = process;
        this.lines = lines;
        this.port = port;
    }

    /**
     * Starts {@code ./goto --bind 127.0.0.1} plus {@code args}, waits for its port. Without a
     * {@code --port} in {@code args}, {@code --port 0} picks a free one.
     */
    public static GotoProcess start(String... args) {
        return start(Map.of(), args);
    }

    /** Like {@link #start(String...)}, with extra environment variables such as GOTO_JAVA_OPTS. */
    public static GotoProcess start(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(script().toString(), "--bind", "127.0.0.1"));
        if (!List.of(args).contains("--port")) {
            command.addAll(List.of("--port", "0"));
        }
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            List<String> lines = new CopyOnWriteArrayList<>();
            CompletableFuture<Integer> port = new CompletableFuture<>();
            Thread reader = new Thread(() -> readLines(process, lines, port), "goto-process-log");
            reader.setDaemon(true);
            reader.start();
            return new GotoProcess(process, lines, port.get(120, TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("./goto did not start: " + e.getMessage(), e);
        }
    }

    /** Runs {@code ./goto} with {@code args} to completion, as for --help or a bad flag. */
    public static Finished run(String... args) {
        List<String> command = new ArrayList<>(List.of(script().toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./goto did not finish");
            }
            return new Finished(process.exitValue(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    /** A port free right now, for a process that must be started on a known port. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public List<String> logLines() {
        return lines;
    }

    /** Sends SIGTERM and waits for the exit code. */
    public int terminate() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("goto did not exit after SIGTERM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /** Kills the process at once (SIGKILL), as a pod that dies without a chance to clean up. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            terminate();
        }
    }

    private static Path script() {
        return Path.of(System.getProperty("user.dir"), "goto");
    }

    private static void readLines(Process process, List<String> lines,
                                  CompletableFuture<Integer> port) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                Matcher m = LISTENING.matcher(line);
                if (!port.isDone() && m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            // The process ended; whatever was read stays in lines.
        }
        port.completeExceptionally(new IllegalStateException("goto exited: " + lines));
    }

    /** A finished run of {@code ./goto}. */
    public record Finished(int exitCode, String out, String err) {
    }
}
