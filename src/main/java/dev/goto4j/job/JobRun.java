package dev.goto4j.job;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One run of a job and the results it keeps. Of its data results it keeps the latest
 * {@code keepResults} (the first among them with {@code keepFirst}), at most
 * {@link Job#RESULTS_CAP} and {@link #MAX_KEPT_CHARS} characters of data; past either, the
 * oldest go first. The closing result that says how the run ended is kept besides. Results
 * arrive from event loops and command reader threads, so every access is synchronised on the
 * run.
 */
final class JobRun {

    /** Data a run keeps in all; with 20 runs kept per job, a job holds at most 20 MiB. */
    static final long MAX_KEPT_CHARS = 1024 * 1024;
    private static final DateTimeFormatter RFC_3339 =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    final Job job;
    final int index;
    /** Marker values inherited from the job that triggered this run. */
    final Map<String, String> markers;
    /** How many triggers led to this run: 0 when started through the API. */
    final int generation;
    private final Deque<Kept> kept = new ArrayDeque<>();
    private Kept first;
    private JobResult closing;
    /** The results once the run is over, read once. */
    private List<JobResult> finalResults;
    private long keptChars;
    private int resultCount;
    private int iteration;
    private boolean stopped;
    private boolean finished;
    private Runnable onStop = () -> { };
    private long timeoutTimer = -1;

    JobRun(Job job, int index, Map<String, String> markers, int generation) {
        this.job = job;
        this.index = index;
        this.markers = Map.copyOf(markers);
        this.generation = generation;
    }

    synchronized int startIteration() {
        return ++iteration;
    }

    synchronized boolean isOver() {
        return stopped || finished;
    }

    /** Whether the run needs no more work: it is over, or has {@code maxResults} results. */
    synchronized boolean isDone() {
        return isOver() || job.isFull(resultCount);
    }

    /**
     * Adds a result; false when it was not taken because the run is over or has reached
     * {@code maxResults} already. {@link #isDone()} tells whether more are wanted.
     */
    synchronized boolean add(int iterationIndex, Object data) {
        if (isDone()) {
            return false;
        }
        resultCount++;
        keep(new JobResult(index + "." + iterationIndex + "." + resultCount, false, false,
                iterationIndex == job.iterations(), now(), data));
        return true;
    }

    /**
     * Ends the run with a closing result; {@code stoppedEarly} when stopped or timed out.
     * False if it had ended already.
     */
    synchronized boolean finish(boolean stoppedEarly) {
        if (isOver()) {
            return false;
        }
        finished = !stoppedEarly;
        stopped = stoppedEarly;
        closing = new JobResult(index + "." + iteration + "." + (resultCount + 1), true,
                stoppedEarly, true, now(), "");
        onStop.run();
        return true;
    }

    /** What to do to end work in flight, such as killing a process tree; run at once if over. */
    synchronized void onStop(Runnable action) {
        this.onStop = action;
        if (isOver()) {
            action.run();
        }
    }

    synchronized void timeoutTimer(long timerId) {
        this.timeoutTimer = timerId;
    }

    synchronized long timeoutTimer() {
        return timeoutTimer;
    }

    /**
     * The results kept, the closing one last. Once the run is over they never change, and the
     * same list is answered on every call.
     */
    synchronized List<JobResult> results() {
        if (finalResults != null) {
            return finalResults;
        }
        List<JobResult> all = new ArrayList<>(kept.size() + 2);
        if (first != null) {
            all.add(first.result);
        }
        kept.forEach(k -> all.add(k.result));
        if (closing == null) {
            return all;
        }
        all.add(closing);
        finalResults = List.copyOf(all);
        return finalResults;
    }

    private void keep(JobResult result) {
        Kept entry = new Kept(result, String.valueOf(result.data()).length());
        if (job.keepFirst() && first == null) {
            first = entry;
            return;
        }
        kept.addLast(entry);
        keptChars += entry.chars;
        int room = job.resultsKept() - (first == null ? 0 : 1);
        long charRoom = MAX_KEPT_CHARS - (first == null ? 0 : first.chars);
        while (!kept.isEmpty() && (kept.size() > room || keptChars > charRoom)) {
            keptChars -= kept.removeFirst().chars;
        }
    }

    private static String now() {
        return OffsetDateTime.now().format(RFC_3339);
    }

    /** A kept result and the size of its data. */
    private record Kept(JobResult result, long chars) {
    }
}
