package dev.goto4j.registry;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls from the registry to the instances of a label: pushes of targets and jobs, commands and
 * health checks. Every instance is called at once with a timeout, so one that does not answer
 * is marked unhealthy and never holds up the others.
 */
final class PeerCalls {

    private static final Logger log = LoggerFactory.getLogger(PeerCalls.class);
    static final long TIMEOUT_MILLIS = 5_000;

    private final HttpClient http;
    private final PeerDirectory directory;

    PeerCalls(Vertx vertx, PeerDirectory directory) {
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) TIMEOUT_MILLIS)
                .setKeepAlive(true));
        this.directory = directory;
    }

    /** Calls one path on every instance of a label; answers how many accepted it. */
    Future<Outcome> toLabel(String label, HttpMethod method, String path, String body) {
        List<String> addresses = directory.addresses(label);
        List<Future<Integer>> calls = new ArrayList<>();
        for (String address : addresses) {
            calls.add(call(label, address, method, path, body));
        }
        return Future.join(calls).transform(ar -> {
            Map<String, Integer> statuses = new LinkedHashMap<>();
            for (int i = 0; i < addresses.size(); i++) {
                Future<Integer> call = calls.get(i);
                statuses.put(addresses.get(i), call.succeeded() ? call.result() : 0);
            }
            return Future.succeededFuture(new Outcome(label, statuses));
        });
    }

    /** Calls one instance; 0 stands for no answer. Marks the instance's health either way. */
    Future<Integer> call(String label, String address, HttpMethod method, String path,
                         String body) {
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setAbsoluteURI("http://" + address + path)
                .setTimeout(TIMEOUT_MILLIS);
        return http.request(options)
                .compose(request -> body == null ? request.send()
                        : request.putHeader("Content-Type", "application/json")
                                .send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> response.statusCode()))
                .onSuccess(status -> directory.markHealth(label, address, true))
                .onFailure(e -> {
                    log.warn("Peer {} at {} did not answer {} {}: {}", label, address, method,
                            path, e.getMessage());
                    directory.markHealth(label, address, false);
                });
    }

    /** What each instance of a label answered: its status, or 0 for no answer. */
    record Outcome(String label, Map<String, Integer> statuses) {

        long accepted() {
            return statuses.values().stream().filter(s -> s >= 200 && s < 300).count();
        }

        String sentence(String what) {
            return what + " on " + accepted() + " of " + statuses.size() + " instances of "
                    + label;
        }
    }
}
