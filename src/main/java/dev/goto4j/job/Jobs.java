package dev.goto4j.job;

import dev.goto4j.client.Client;
import dev.goto4j.http.ApiException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs of an instance, their runs and the results those keep. A run goes through
 * {@code count} iterations {@code delay} apart, ends on {@code maxResults}, {@code timeout} or
 * stop, and may trigger other jobs for each output and on completion.
 */
public final class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    /** Runs kept per job; older runs and their results are dropped. */
    public static final int RUNS_KEPT = 20;
    /**
     * Triggers one chain may pass through. A job that triggers itself, or a loop of jobs,
     * would otherwise start runs without end; past this depth the trigger is not fired.
     */
    static final int MAX_TRIGGER_DEPTH = 100;

    private static final int CLOSE_WAIT_SECONDS = 5;

    private final Vertx vertx;
    private final boolean allowExec;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, JobRuns> runs = new ConcurrentHashMap<>();
    private final ExecutorService commandThreads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "goto-command-job");
        thread.setDaemon(true);
        return thread;
    });
    private final CommandTaskRunner commands = new CommandTaskRunner(commandThreads);
    private final HttpTaskRunner http;

    public Jobs(Vertx vertx, Client client, boolean allowExec) {
        this.vertx = vertx;
        this.allowExec = allowExec;
        this.http = new HttpTaskRunner(vertx, client);
    }

    /** Adds a job; command jobs need {@code --allow-exec}. Runs it at once if {@code auto}. */
    void add(Job job) {
        if (job.isCommand() && !allowExec) {
            throw ApiException.forbidden("command jobs run OS commands and are refused unless "
                    + "goto was started with --allow-exec");
        }
        synchronized (jobs) {
            if (jobs.containsKey(job.id())) {
                throw ApiException.conflict("job", job.id());
            }
            jobs.put(job.id(), job);
        }
        log.info("Job {} added", job.id());
        if (job.auto()) {
            start(job, Map.of(), 0);
        }
    }

    void remove(List<String> ids) {
        synchronized (jobs) {
            requireAll(ids);
            ids.forEach(id -> {
                jobs.remove(id);
                stopRuns(id);
                runs.remove(id);
            });
        }
    }

    void clear() {
        synchronized (jobs) {
            jobs.keySet().forEach(this::stopRuns);
            jobs.clear();
            runs.clear();
        }
    }

    void run(List<String> ids) {
        List<Job> chosen = find(ids);
        chosen.forEach(job -> start(job, Map.of(), 0));
    }

    void runAll() {
        list().forEach(job -> start(job, Map.of(), 0));
    }

    void stop(List<String> ids) {
        find(ids).forEach(job -> stopRuns(job.id()));
    }

    /** Stops every running job, ending the processes of command jobs. */
    public void stopAll() {
        list().forEach(job -> stopRuns(job.id()));
    }

    /**
     * Stops every job and waits, on a worker, up to {@link #CLOSE_WAIT_SECONDS} seconds for
     * their processes to end, so that none outlives the instance.
     */
    public Future<Void> close() {
        stopAll();
        return vertx.executeBlocking(() -> {
            commandThreads.shutdown();
            if (!commandThreads.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Command jobs still running {} s after stop", CLOSE_WAIT_SECONDS);
            }
            return null;
        });
    }

    List<Job> list() {
        synchronized (jobs) {
            return new ArrayList<>(jobs.values());
        }
    }

    /** Results of one job by run index. */
    Map<String, List<JobResult>> results(String id) {
        find(List.of(id));
        JobRuns jobRuns = runs.get(id);
        return jobRuns == null ? Map.of() : jobRuns.results();
    }

    /**
     * Results of every job, by job id and run index: what a peer reports to its registry
     * locker as {@code job_<id>_<run>}. Once a run is over, its results never change and are the
     * same list on every call, so a reader that keeps what it has seen can skip them by
     * reference instead of comparing their content.
     */
    public Map<String, Map<String, List<JobResult>>> allResults() {
        Map<String, Map<String, List<JobResult>>> all = new TreeMap<>();
        for (Job job : list()) {
            JobRuns jobRuns = runs.get(job.id());
            all.put(job.id(), jobRuns == null ? Map.of() : jobRuns.results());
        }
        return all;
    }

    private List<Job> find(List<String> ids) {
        synchronized (jobs) {
            requireAll(ids);
            return ids.stream().distinct().map(jobs::get).toList();
        }
    }

    private void requireAll(List<String> ids) {
        List<String> unknown = ids.stream().filter(id -> !jobs.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.notFound("job", String.join(",", unknown));
        }
    }

    private void start(Job job, Map<String, String> markers, int generation) {
        JobRun run = runs.computeIfAbsent(job.id(), id -> new JobRuns())
                .next(job, markers, generation);
        log.info("Job {} run {} started", job.id(), run.index);
        Duration timeout = job.timeoutDuration();
        if (!timeout.isZero()) {
            run.timeoutTimer(vertx.setTimer(timeout.toMillis(), t -> {
                if (run.finish(true)) {
                    log.info("Job {} run {} timed out after {}", job.id(), run.index,
                            job.timeout());
                }
            }));
        }
        vertx.setTimer(Math.max(1, job.initialDelayDuration().toMillis()), t -> iterate(run));
    }

    private void iterate(JobRun run) {
        if (run.isDone()) {
            finish(run);
            return;
        }
        int iteration = run.startIteration();
        Future<Void> done = run.job.task() instanceof JobTask.Command command
                ? commands.run(run, iteration, command,
                        (line, markers) -> trigger(run, run.job.outputTrigger(), markers))
                : http.run(run, iteration, (JobTask.Http) run.job.task(),
                        data -> trigger(run, run.job.outputTrigger(), run.markers));
        done.onComplete(ar -> vertx.runOnContext(v -> {
            if (iteration >= run.job.iterations() || run.isDone()) {
                finish(run);
            } else {
                vertx.setTimer(Math.max(1, run.job.delayDuration().toMillis()),
                        t -> iterate(run));
            }
        }));
    }

    private void finish(JobRun run) {
        vertx.cancelTimer(run.timeoutTimer());
        if (run.finish(false)) {
            log.info("Job {} run {} finished", run.job.id(), run.index);
            trigger(run, run.job.finishTrigger(), run.markers);
        }
    }

    private void trigger(JobRun from, String id, Map<String, String> markers) {
        if (id == null) {
            return;
        }
        if (from.generation >= MAX_TRIGGER_DEPTH) {
            log.warn("Job {} run {} does not trigger job {}: {} triggers in a row already",
                    from.job.id(), from.index, id, MAX_TRIGGER_DEPTH);
            return;
        }
        Job next;
        synchronized (jobs) {
            next = jobs.get(id);
        }
        if (next == null) {
            log.warn("Job {} triggers unknown job {}", from.job.id(), id);
            return;
        }
        vertx.runOnContext(v -> start(next, markers, from.generation + 1));
    }

    private void stopRuns(String id) {
        JobRuns jobRuns = runs.get(id);
        if (jobRuns != null) {
            jobRuns.stopAll();
        }
    }

    /** The runs of one job, newest last, at most {@link #RUNS_KEPT}. */
    private static final class JobRuns {
        private final AtomicInteger counter = new AtomicInteger();
        private final Map<Integer, JobRun> byIndex = new LinkedHashMap<>();

        synchronized JobRun next(Job job, Map<String, String> markers, int generation) {
            JobRun run = new JobRun(job, counter.incrementAndGet(), markers, generation);
            byIndex.put(run.index, run);
            if (byIndex.size() > RUNS_KEPT) {
                // The oldest run goes; if it still runs, it is stopped so nothing is orphaned.
                JobRun oldest = byIndex.remove(byIndex.keySet().iterator().next());
                oldest.finish(true);
            }
            return run;
        }

        synchronized void stopAll() {
            byIndex.values().forEach(run -> run.finish(true));
        }

        synchronized Map<String, List<JobResult>> results() {
            Map<String, List<JobResult>> results = new LinkedHashMap<>();
            byIndex.forEach((index, run) -> results.put(String.valueOf(index), run.results()));
            return results;
        }
    }
}
