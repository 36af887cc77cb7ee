package dev.goto4j.client;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One invoke call: its index, the target runs it started, and their own results. */
final class Invocation {

    private final int index;
    private final List<TargetRun> runs;
    private final Future<Void> finished;

    private Invocation(int index, List<TargetRun> runs, Future<Void> finished) {
        this.index = index;
        this.runs = runs;
        this.finished = finished;
    }

    static Invocation start(int index, List<TargetRun> runs) {
        List<Future<Void>> all = new ArrayList<>();
        runs.forEach(run -> all.add(run.start()));
        return new Invocation(index, List.copyOf(runs), Future.join(all).mapEmpty());
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

    View view() {
        Map<String, TargetRun.ActiveStatus> status = new LinkedHashMap<>();
        List<TargetCounts> counts = new ArrayList<>();
        for (TargetRun run : runs) {
            status.put(run.name(), run.status());
            counts.add(run.counts());
        }
        boolean done = isFinished();
        return new View(index, runs.stream().map(TargetRun::target).toList(), status,
                ClientResults.of(counts), done);
    }

    /** An invocation as {@code /client/results/invocations} shows it. */
    @JsonPropertyOrder({"invocationIndex", "targets", "status"})
    record View(int invocationIndex, List<Target> targets,
                Map<String, TargetRun.ActiveStatus> status,
                ClientResults results, boolean finished) {
    }
}
