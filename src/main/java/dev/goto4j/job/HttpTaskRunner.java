package dev.goto4j.job;

import dev.goto4j.client.Client;
import dev.goto4j.client.Target;
import dev.goto4j.http.ApiException;
import dev.goto4j.http.Durations;
import dev.goto4j.http.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs one iteration of an HTTP task as the client would run its target: {@code replicas}
 * chains at once, each waiting {@code initialDelay} and then making {@code requestCount} calls
 * {@code delay} apart, retrying connection failures and {@code retriableStatusCodes}
 * {@code retries} times {@code retryDelay} apart. Each final answer body is one result.
 */
final class HttpTaskRunner {

    /** Body bytes kept of one answer; the rest is dropped (a longer JSON stays text). */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final Client client;

    HttpTaskRunner(Vertx vertx, Client client) {
        this.vertx = vertx;
        this.client = client;
    }

    /** Runs the iteration; {@code onResult} hears of each result the run took. */
    Future<Void> run(JobRun run, int iteration, JobTask.Http task, Consumer<Object> onResult) {
        Target target;
        try {
            target = task.resolved(run.markers);
        } catch (ApiException e) {
            // Marker values made the URL or a header invalid: that is this iteration's result.
            StringBuilder text = new StringBuilder("error: ").append(e.error());
            e.problems().forEach(p -> text.append("; ").append(p.field()).append(": ")
                    .append(p.value()).append(" (expected: ").append(p.expected()).append(')'));
            run.add(iteration, text.toString());
            return Future.succeededFuture();
        }
        Duration initialDelay = Durations.parse(target.initialDelay());
        List<Future<Void>> chains = new ArrayList<>();
        for (int i = 0; i < target.replicas(); i++) {
            chains.add(pause(initialDelay).compose(v -> chain(run, iteration, task, target,
                    target.requestCount(), onResult)));
        }
        return Future.join(chains).mapEmpty();
    }

    private Future<Void> chain(JobRun run, int iteration, JobTask.Http task, Target target,
                               int remaining, Consumer<Object> onResult) {
        if (remaining == 0 || run.isDone()) {
            return Future.succeededFuture();
        }
        return call(task, target, 0).compose(data -> {
            if (run.add(iteration, data)) {
                onResult.accept(data);
            }
            if (run.isDone() || remaining == 1) {
                return Future.succeededFuture();
            }
            return pause(Durations.parse(target.delay()))
                    .compose(v -> chain(run, iteration, task, target, remaining - 1, onResult));
        });
    }

    private Future<Object> call(JobTask.Http task, Target target, int retry) {
        return client.invokeOnce(target, MAX_BODY_BYTES)
                .map(response -> retriable(target).contains(response.statusCode())
                        ? new Retry(data(task, response.body())) : data(task, response.body()))
                .otherwise(e -> new Retry("error: " + e.getMessage()))
                .compose(outcome -> {
                    if (!(outcome instanceof Retry again)) {
                        return Future.succeededFuture(outcome);
                    }
                    int retries = target.retries() == null ? 0 : target.retries();
                    if (retry >= retries) {
                        return Future.succeededFuture(again.data());
                    }
                    Duration retryDelay = target.retryDelay() == null ? Duration.ofSeconds(1)
                            : Durations.parse(target.retryDelay());
                    return pause(retryDelay).compose(v -> call(task, target, retry + 1));
                });
    }

    private static Set<Integer> retriable(Target target) {
        return target.retriableStatusCodes() == null ? Set.of()
                : new HashSet<>(target.retriableStatusCodes());
    }

    private static Object data(JobTask.Http task, Buffer body) {
        if (task.parseJSON() && body.length() > 0) {
            try {
                return Json.MAPPER.readTree(body.getBytes());
            } catch (IOException e) {
                // Not JSON after all: kept as the text it is.
            }
        }
        return body.toString();
    }

    private Future<Void> pause(Duration delay) {
        if (delay.isZero()) {
            return Future.succeededFuture();
        }
        return vertx.timer(delay.toMillis()).mapEmpty();
    }

    /** An answer that may be retried, with the data it would leave if not. */
    private record Retry(Object data) {
    }
}
