package dev.goto4j.job;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * One run of a job and the results it keeps: the last {@code keepResults} (the first one too
 * with {@code keepFirst}), never more than {@link Job#RESULTS_CAP}. Results arrive from event
 * loops and command reader threads, so every access is synchronised on the run.
 */
final class JobRun {

    private static final DateTimeFormatter RFC_3339 =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    final Job job;
    final int index;
    /** Marker values inherited from the job that triggered this run. */
    final Map<String, String> markers;
    private final Deque<JobResult> kept = new ArrayDeque<>();
    private JobResult first;
    private int resultCount;
    private int iteration;
    private boolean stopped;
    private boolean finished;
    private Runnable onStop = () -> { };

    JobRun(Job job, int index, Map<String, String> markers) {
        this.job = job;
        this.index = index;
        this.markers = Map.copyOf(markers);
    }

    synchronized int startIteration() {
        return ++iteration;
    }

    synchronized boolean isOver() {
        return stopped || finished;
    }

    /** Adds a result; false once the run is over or reached {@code maxResults}. */
    synchronized boolean add(int iterationIndex, Object data) {
        if (isOver()) {
            return false;
        }
        resultCount++;
        keep(new JobResult(index + "." + iterationIndex + "." + resultCount, false, false,
                iterationIndex == job.iterations(), now(), data));
        return job.maxResults() == null || job.maxResults() == 0
                || resultCount < job.maxResults();
    }

    /** Ends the run with a closing result; {@code stoppedEarly} when stopped or timed out. */
    synchronized boolean finish(boolean stoppedEarly) {
        if (isOver()) {
            return false;
        }
        finished = !stoppedEarly;
        stopped = stoppedEarly;
        keep(new JobResult(index + "." + iteration + "." + (resultCount + 1), true, stoppedEarly,
                true, now(), ""));
        onStop.run();
        return true;
    }

    /** What to do to stop work in flight, such as killing a process tree. */
    synchronized void onStop(Runnable action) {
        this.onStop = action;
        if (stopped) {
            action.run();
        }
    }

    synchronized List<JobResult> results() {
        List<JobResult> all = new ArrayList<>(kept.size() + 1);
        if (first != null) {
            all.add(first);
        }
        all.addAll(kept);
        return all;
    }

    private void keep(JobResult result) {
        if (job.keepFirst() && first == null) {
            first = result;
            return;
        }
        int room = job.resultsKept() - (first == null ? 0 : 1);
        kept.addLast(result);
        while (kept.size() > Math.max(room, 1)) {
            kept.removeFirst();
        }
    }

    private static String now() {
        return OffsetDateTime.now().format(RFC_3339);
    }
}
