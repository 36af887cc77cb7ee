package dev.goto4j.client;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One invoke call: its index, the target runs it started, and their own results. When the
 * last run ends, the results are read once into a snapshot and the runs with their live
 * counters (a latency histogram alone takes some 400 KB) are let go, so the finished
 * invocations kept for {@code /client/results/invocations} cost only their snapshots.
 */
final class Invocation {

    private final int index;
    private final Future<Void> finished;
    private volatile List<TargetRun> runs;
    private volatile View snapshot;

    private Invocation(int index, List<TargetRun> runs, Future<Void> finished) {
        this.index = index;
        this.runs = runs;
        this.finished = finished;
    }

    static Invocation start(int index, List<TargetRun> runs) {
        List<Future<Void>> all = new ArrayList<>();
        runs.forEach(run -> all.add(run.start()));
        Invocation invocation = new Invocation(index, List.copyOf(runs),
                Future.join(all).mapEmpty());
        invocation.finished.onComplete(ar -> invocation.freeze());
        return invocation;
    }

    private void freeze() {
        snapshot = view(runs, true);
        runs = List.of();
    }

    int index() {
        return index;
    }

    List<TargetRun> runs() {
        return runs;
    }

    Future<Void> finished() {
        return finished;
    }

    boolean isFinished() {
        return finished.isComplete();
    }

    /** Asks the runs of the named targets to stop; true if any ran here. */
    boolean stop(List<String> names) {
        boolean any = false;
        for (TargetRun run : runs) {
            if (names == null || names.contains(run.name())) {
                run.stop();
                any = true;
            }
        }
        return any;
    }

    /** The invocation as it stands: its snapshot once finished, else read from its runs. */
    View view() {
        // Runs first: freeze() sets the snapshot before it lets the runs go.
        List<TargetRun> live = runs;
        View frozen = snapshot;
        return frozen != null ? frozen : view(live, finished.isComplete());
    }

    private View view(List<TargetRun> of, boolean done) {
        Map<String, TargetRun.ActiveStatus> status = new LinkedHashMap<>();
        List<TargetCounts> counts = new ArrayList<>();
        for (TargetRun run : of) {
            status.put(run.name(), run.status());
            counts.add(run.counts());
        }
        return new View(index, of.stream().map(TargetRun::target).toList(), status,
                ClientResults.of(counts), done);
    }

    /** An invocation as {@code /client/results/invocations} shows it. */
    @JsonPropertyOrder({"invocationIndex", "targets", "status"})
    record View(int invocationIndex, List<Target> targets,
                Map<String, TargetRun.ActiveStatus> status,
                ClientResults results, boolean finished) {
    }
}
