package dev.goto4j.job;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one iteration of a command task: starts the process without a shell (unless the command
 * is one), reads its output line by line on a worker thread, and ends the whole process tree
 * when the run stops or times out.
 */
final class CommandTaskRunner {

    private static final Logger log = LoggerFactory.getLogger(CommandTaskRunner.class);

    private final ExecutorService workers;

    CommandTaskRunner(ExecutorService workers) {
        this.workers = workers;
    }

    /**
     * Runs the command; each line goes to the run as a result and, with the markers it carries,
     * to {@code onLine}. Completes when the process has ended.
     */
    Future<Void> run(JobRun run, int iteration, JobTask.Command task,
                     BiConsumer<String, Map<String, String>> onLine) {
        Promise<Void> done = Promise.promise();
        workers.execute(() -> {
            try {
                execute(run, iteration, task, onLine);
                done.complete();
            } catch (IOException | RuntimeException e) {
                log.warn("Job {} run {}: command {} failed: {}", run.job.id(), run.index,
                        task.cmd(), e.getMessage());
                run.add(iteration, "error: " + e.getMessage());
                done.complete();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.complete();
            }
        });
        return done.future();
    }

    private void execute(JobRun run, int iteration, JobTask.Command task,
                         BiConsumer<String, Map<String, String>> onLine)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Markers.substitute(task.cmd(), run.markers));
        if (task.args() != null) {
            task.args().forEach(arg -> command.add(Markers.substitute(arg, run.markers)));
        }
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        // No input: a command that reads standard input sees its end rather than waiting.
        process.getOutputStream().close();
        // Stop and timeout come on an event loop; the killing happens on a worker.
        run.onStop(() -> workers.execute(() -> endTree(process)));
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            OutputLines lines = new OutputLines(out);
            String line;
            while ((line = lines.next()) != null) {
                Map<String, String> markers = new LinkedHashMap<>(run.markers);
                markers.putAll(Markers.extract(line, task));
                if (run.add(iteration, line)) {
                    onLine.accept(line, markers);
                }
                if (run.isDone()) {
                    break;
                }
            }
        } finally {
            endTree(process);
            process.waitFor();
        }
    }

    /** Ends a process and everything it started, children first so none is left behind. */
    private static void endTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
