package dev.goto4j.job;

import dev.goto4j.http.Durations;
import dev.goto4j.http.Json;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs one iteration of an HTTP task: {@code replicas} chains at once, each making
 * {@code requestCount} calls {@code delay} apart. Each answer body is one result.
 */
final class HttpTaskRunner {

    private static final long DEFAULT_TIMEOUT_MILLIS = 30_000;

    private final Vertx vertx;
    private final HttpClient verifying;
    private final HttpClient trusting;

    HttpTaskRunner(Vertx vertx) {
        this.vertx = vertx;
        this.verifying = vertx.createHttpClient(new HttpClientOptions());
        // verifyTLS false asks to trust any certificate, as the client targets do.
        this.trusting = vertx.createHttpClient(new HttpClientOptions()
                .setTrustAll(true).setVerifyHost(false));
    }

    Future<Void> run(JobRun run, int iteration, JobTask.Http task) {
        List<Future<Void>> chains = new ArrayList<>();
        for (int i = 0; i < task.replicaCount(); i++) {
            chains.add(chain(run, iteration, task, task.requestsPerReplica()));
        }
        return Future.join(chains).mapEmpty();
    }

    private Future<Void> chain(JobRun run, int iteration, JobTask.Http task, int remaining) {
        if (remaining == 0 || run.isOver()) {
            return Future.succeededFuture();
        }
        return call(task, run.markers)
                .recover(e -> Future.succeededFuture("error: " + e.getMessage()))
                .compose(data -> {
                    if (!run.add(iteration, data) || remaining == 1) {
                        return Future.succeededFuture();
                    }
                    return pause(Durations.parse(task.delay()))
                            .compose(v -> chain(run, iteration, task, remaining - 1));
                });
    }

    private Future<Object> call(JobTask.Http task, Map<String, String> markers) {
        String url = Markers.substitute(task.url(), markers);
        if (Boolean.TRUE.equals(task.sendID())) {
            url += (url.contains("?") ? "&" : "?") + "x-request-id=" + UUID.randomUUID();
        }
        Duration timeout = Durations.parse(task.requestTimeout());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(task.method() == null ? "GET"
                        : task.method().toUpperCase()))
                .setAbsoluteURI(url)
                .setTimeout(timeout.isZero() ? DEFAULT_TIMEOUT_MILLIS : timeout.toMillis());
        if (task.headers() != null) {
            for (List<String> header : task.headers()) {
                if (header.size() == 2) {
                    options.addHeader(header.get(0), header.get(1));
                }
            }
        }
        HttpClient client = Boolean.FALSE.equals(task.verifyTLS()) ? trusting : verifying;
        String body = Markers.substitute(task.body(), markers);
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(Buffer.buffer(body)))
                .compose(response -> response.body())
                .map(buffer -> task.keepsJson() ? asJson(buffer) : buffer.toString());
    }

    private static Object asJson(Buffer buffer) {
        try {
            return Json.MAPPER.readTree(buffer.getBytes());
        } catch (IOException e) {
            return buffer.toString();
        }
    }

    private Future<Void> pause(Duration delay) {
        if (delay.isZero()) {
            return Future.succeededFuture();
        }
        return vertx.timer(delay.toMillis()).mapEmpty();
    }
}
