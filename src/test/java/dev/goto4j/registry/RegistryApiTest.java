package dev.goto4j.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.testing.Eventually;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The registry's API against a stand-in peer that records what it is sent. Each test starts
 * from a registry where peer1 is registered at the stand-in, with target t1, job j1 and a
 * locker entry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryApiTest {

    private static final String T1 = "{\"name\":\"t1\",\"url\":\"http://127.0.0.1:1/\"}";
    private static final String J1 = "{\"id\":\"j1\",\"task\":{\"url\":\"http://127.0.0.1:1/\"}}";

    private RunningGoto registry;
    private RecordingPeer peer;

    @BeforeAll
    void start() throws Exception {
        registry = RunningGoto.start("registry");
        peer = new RecordingPeer();
    }

    @AfterAll
    void stop() throws Exception {
        registry.close();
        peer.close();
    }

    @BeforeEach
    void registerPeer1WithATargetAJobAndALocker() {
        for (String clear : List.of("/registry/peers/clear", "/registry/peers/targets/clear",
                "/registry/peers/jobs/clear", "/registry/peers/lockers/clear",
                "/registry/peers/track/headers/clear")) {
            registry.post(clear);
        }
        assertThat(register("peer1", peer.address()).status()).isEqualTo(200);
        registry.post("/registry/peers/peer1/targets/add", T1);
        registry.post("/registry/peers/peer1/jobs/add", J1);
        registry.post(locker("peer1", peer.address()) + "/store/client", "{\"a\":1}");
        peer.calls().clear();
    }

    private Reply register(String label, String address) {
        return registry.post("/registry/peers/add", peerJson(label, address));
    }

    private static String peerJson(String label, String address) {
        return "{\"name\":\"" + label + "\",\"namespace\":\"test\",\"pod\":\"pod-a\","
                + "\"address\":\"" + address + "\"}";
    }

    private static String locker(String label, String address) {
        return "/registry/peers/" + label + "/" + address + "/locker";
    }

    private JsonNode pod(String label, String address) {
        return registry.get("/registry/peers").json().path(label).path("pods").path(address);
    }

    @Test
    void registrationAnswersTheTargetsJobsAndHeadersOfTheLabel() {
        registry.put("/registry/peers/track/headers/x,y");
        registry.put("/registry/peers/track/headers/Y,z");

        Reply reply = register("peer1", "127.0.0.1:2");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/targets/0/name").asText()).isEqualTo("t1");
        assertThat(reply.json().at("/jobs/0/id").asText()).isEqualTo("j1");
        assertThat(reply.json().get("trackingHeaders").asText()).isEqualTo("x,y,z");
    }

    @Test
    void listsPeersWithPodsAndEpochs() {
        register("peer1", peer.address());

        JsonNode peers = registry.get("/registry/peers").json();

        JsonNode pod = peers.at("/peer1/pods").get(peer.address());
        assertThat(peers.at("/peer1/name").asText()).isEqualTo("peer1");
        assertThat(peers.at("/peer1/namespace").asText()).isEqualTo("test");
        assertThat(pod.get("name").asText()).isEqualTo("pod-a");
        assertThat(pod.get("address").asText()).isEqualTo(peer.address());
        assertThat(pod.get("healthy").asBoolean()).isTrue();
        assertThat(pod.at("/currentEpoch/epoch").asInt()).isEqualTo(1);
        assertThat(pod.get("pastEpochs").size()).isEqualTo(1);
        assertThat(pod.at("/pastEpochs/0/epoch").asInt()).isZero();
        assertThat(pod.at("/currentEpoch/firstContact").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(pod.at("/currentEpoch/lastContact").asText()).isNotEmpty();
    }

    @Test
    void aPodThatLeftAndCameBackStartsAnotherEpoch() {
        registry.post("/registry/peers/peer1/remove/" + peer.address());
        assertThat(pod("peer1", peer.address()).isMissingNode()).isTrue();

        register("peer1", peer.address());

        assertThat(pod("peer1", peer.address()).at("/currentEpoch/epoch").asInt()).isEqualTo(1);
        assertThat(pod("peer1", peer.address()).get("pastEpochs").size()).isEqualTo(1);
    }

    @Test
    void reminderOfAKnownPodTouchesItAndRunsNothing() {
        String firstContact = pod("peer1", peer.address()).at("/currentEpoch/firstContact")
                .asText();

        Reply reply = registry.post("/registry/peers/peer1/remember",
                peerJson("peer1", peer.address()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        JsonNode pod = pod("peer1", peer.address());
        assertThat(pod.at("/currentEpoch/epoch").asInt()).isZero();
        assertThat(pod.at("/currentEpoch/firstContact").asText()).isEqualTo(firstContact);
        assertThat(pod.at("/currentEpoch/lastContact").asText())
                .isGreaterThanOrEqualTo(firstContact);
        assertThat(peer.calls()).isEmpty();
    }

    @Test
    void reminderOfAnUnknownPodRegistersItAndSaysSo() {
        registry.post("/registry/peers/clear");

        Reply reply = registry.post("/registry/peers/peer1/remember",
                peerJson("peer1", peer.address()));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(pod("peer1", peer.address()).get("healthy").asBoolean()).isTrue();
    }

    @Test
    void addedTargetIsPushedToEveryInstanceOfTheLabel() {
        Reply reply = registry.post("/registry/peers/peer1/targets/add",
                "{\"name\":\"t2\",\"url\":\"http://x\",\"autoInvoke\":true}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("1 of 1 instances");
        assertThat(peer.calls()).anyMatch(c -> c.startsWith("POST /client/targets/add")
                && c.contains("\"name\":\"t2\"") && c.contains("\"autoInvoke\":true"));
    }

    @Test
    void removalAndCommandsArePushedToo() {
        registry.post("/registry/peers/peer1/targets/t1/invoke");
        registry.post("/registry/peers/peer1/jobs/j1/run");
        registry.post("/registry/peers/peer1/targets/t1/remove");
        registry.post("/registry/peers/peer1/jobs/j1/remove");

        assertThat(peer.calls()).containsExactly("POST /client/targets/t1/invoke",
                "POST /jobs/j1/run", "POST /client/targets/t1/remove", "POST /jobs/j1/remove");
        assertThat(registry.get("/registry/peers/peer1/targets").json().size()).isZero();
        assertThat(registry.get("/registry/peers/peer1/jobs").json().size()).isZero();
    }

    @Test
    void unreachableInstanceIsMarkedUnhealthyWithoutHoldingUpOthers() {
        register("peer1", "127.0.0.1:1");

        Reply reply = registry.post("/registry/peers/peer1/targets/add",
                "{\"name\":\"t2\",\"url\":\"http://x\"}");

        assertThat(reply.body()).contains("1 of 2 instances");
        assertThat(pod("peer1", "127.0.0.1:1").get("healthy").asBoolean()).isFalse();
        assertThat(pod("peer1", peer.address()).get("healthy").asBoolean()).isTrue();
        Reply cleanup = registry.post("/registry/peers/health/cleanup");
        assertThat(cleanup.json().at("/peer1/0").asText()).isEqualTo("127.0.0.1:1");
        assertThat(registry.get("/registry/peers").json().at("/peer1/pods").size()).isEqualTo(1);
    }

    @Test
    void aSilentInstanceDoesNotDelayThePushToTheOthers() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String silentAddress = "127.0.0.1:" + silent.getLocalPort();
            register("peer1", silentAddress);
            HttpRequest add = HttpRequest.newBuilder(URI.create(registry.url(
                    "/registry/peers/peer1/targets/add"))).POST(HttpRequest.BodyPublishers
                    .ofString("{\"name\":\"t2\",\"url\":\"http://x\"}")).build();

            CompletableFuture<HttpResponse<String>> reply = HttpClient.newHttpClient()
                    .sendAsync(add, HttpResponse.BodyHandlers.ofString());

            Eventually.await("push reached the answering instance", () -> peer.calls().stream()
                    .anyMatch(c -> c.startsWith("POST /client/targets/add")));
            assertThat(reply).isNotDone();
            assertThat(reply.get(30, TimeUnit.SECONDS).body()).contains("1 of 2 instances");
            assertThat(pod("peer1", silentAddress).get("healthy").asBoolean()).isFalse();
        }
    }

    @Test
    void healthAnswersPerAddress() {
        register("peer1", "127.0.0.1:1");

        JsonNode health = registry.get("/registry/peers/peer1/health").json();

        assertThat(health.at("/peer1").get(peer.address()).asBoolean()).isTrue();
        assertThat(health.at("/peer1").get("127.0.0.1:1").asBoolean()).isFalse();
        assertThat(registry.get("/registry/peers/peer1/health/" + peer.address()).json()
                .asBoolean()).isTrue();
    }

    @Test
    void lockersKeepOneEntrySetPerInstance() {
        registry.post(locker("peer1", "10.0.0.1:8080") + "/store/client", "{\"a\":1}");
        registry.post(locker("peer1", "10.0.0.2:8080") + "/store/client", "{\"a\":2}");

        JsonNode lockers = registry.get("/registry/peer/lockers").json();

        assertThat(lockers.at("/peer1/10.0.0.1:8080/client/Data").asText()).isEqualTo("{\"a\":1}");
        assertThat(lockers.at("/peer1/10.0.0.2:8080/client/Data").asText()).isEqualTo("{\"a\":2}");
        assertThat(lockers.at("/peer1/10.0.0.1:8080/client/FirstReported").asText()).isNotEmpty();
        assertThat(lockers.at("/peer1/10.0.0.1:8080/client/LastReported").asText()).isNotEmpty();
        assertThat(registry.get("/registry/peer/peer1/locker").json().size()).isEqualTo(3);
    }

    @Test
    void lockedDataIsKeptUnderLastWhenNewDataArrives() {
        String base = locker("peer1", "10.0.0.1:8080");
        registry.post(base + "/store/client", "first");
        registry.post(base + "/lock/client");

        registry.post(base + "/store/client", "second");

        JsonNode locker = registry.get(base).json();
        assertThat(locker.at("/client/Data").asText()).isEqualTo("second");
        assertThat(locker.at("/client_last/Data").asText()).isEqualTo("first");
        assertThat(locker.at("/client_last/Locked").asBoolean()).isTrue();
    }

    @Test
    void clearsLockersAtEachLevel() {
        registry.post(locker("p1", "10.0.0.1:1") + "/store/k", "v");
        registry.post(locker("p1", "10.0.0.2:1") + "/store/k", "v");
        registry.post(locker("p2", "10.0.0.3:1") + "/store/k", "v");

        registry.post(locker("p1", "10.0.0.1:1") + "/clear");
        assertThat(registry.get("/registry/peers/p1/locker").json().has("10.0.0.1:1")).isFalse();
        assertThat(registry.get("/registry/peers/p1/locker").json().has("10.0.0.2:1")).isTrue();
        registry.post("/registry/peer/p1/locker/clear");
        assertThat(registry.get("/registry/peers/lockers").json().has("p1")).isFalse();
        registry.post("/registry/peers/lockers/clear");
        assertThat(registry.get("/registry/peers/lockers").json().size()).isZero();
    }

    @Test
    void summedResultsAreByLabel() {
        registry.post(locker("p1", "10.0.0.1:1") + "/store/client",
                "{\"targetInvocationCounts\":{\"t1\":3},\"countsByStatusCodes\":{\"200\":3},"
                        + "\"countsByTargetStatusCode\":{\"t1\":{\"200\":3}}}");
        registry.post(locker("p1", "10.0.0.2:1") + "/store/client",
                "{\"targetInvocationCounts\":{\"t1\":2},\"countsByStatusCodes\":{\"200\":1,\"503\":1},"
                        + "\"countsByTargetStatusCode\":{\"t1\":{\"200\":1,\"503\":1}}}");

        JsonNode summary = registry.get("/registry/peers/lockers/targets/results").json();
        JsonNode detailed = registry.get("/registry/peers/lockers/targets/results?detailed=Y")
                .json();

        assertThat(summary.at("/p1/targetInvocationCounts/t1").asLong()).isEqualTo(5);
        assertThat(summary.at("/p1/countsByStatusCodes/200").asLong()).isEqualTo(4);
        assertThat(detailed.at("/p1/t1/invocationCounts").asLong()).isEqualTo(5);
        assertThat(detailed.at("/p1/t1/countsByStatusCodes/503").asLong()).isEqualTo(1);
    }

    @Test
    void headersToTrackArePushedToAllPeers() {
        Reply reply = registry.post("/registry/peers/track/headers/Via-Goto,x");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(peer.calls()).containsExactly("POST /client/track/headers/add/Via-Goto,x");
    }

    @Test
    void clearingTrackedHeadersIsPushedAndAnsweredToLaterPeers() {
        registry.post("/registry/peers/track/headers/x");

        registry.post("/registry/peers/track/headers/clear");

        assertThat(peer.calls()).containsExactly("POST /client/track/headers/add/x",
                "POST /client/track/headers/clear");
        assertThat(register("peer1", "127.0.0.1:2").json().get("trackingHeaders").asText())
                .isEmpty();
    }

    /** Every row of the reference's registry API table, in both spellings, with each method. */
    static Stream<Arguments> referenceRows() {
        String[] rows = {
            "POST|/registry/peers/add|PEER",
            "POST|/registry/peers/peer1/remember|PEER",
            "POST,PUT|/registry/peers/peer1/remove/ADDRESS|",
            "GET|/registry/peers/peer1/health/ADDRESS|",
            "GET|/registry/peers/peer1/health|",
            "GET|/registry/peers/health|",
            "POST|/registry/peers/peer1/health/cleanup|",
            "POST|/registry/peers/health/cleanup|",
            "POST|/registry/peers/clear|",
            "GET|/registry/peers|",
            "POST|/registry/peers/peer1/ADDRESS/locker/store/k|data",
            "POST|/registry/peers/peer1/ADDRESS/locker/remove/client|",
            "POST|/registry/peers/peer1/ADDRESS/locker/lock/client|",
            "POST|/registry/peers/peer1/ADDRESS/locker/clear|",
            "POST|/registry/peers/peer1/locker/clear|",
            "POST|/registry/peers/lockers/clear|",
            "GET|/registry/peers/peer1/ADDRESS/locker|",
            "GET|/registry/peers/peer1/locker|",
            "GET|/registry/peers/lockers|",
            "GET|/registry/peers/lockers/targets/results|",
            "GET|/registry/peers/lockers/targets/results?detailed=Y|",
            "GET|/registry/peers/targets|",
            "POST|/registry/peers/peer1/targets/add|TARGET",
            "POST,PUT|/registry/peers/peer1/targets/t1/remove|",
            "POST|/registry/peers/peer1/targets/clear|",
            "GET|/registry/peers/peer1/targets|",
            "POST,PUT|/registry/peers/peer1/targets/t1/invoke|",
            "POST,PUT|/registry/peers/peer1/targets/invoke/all|",
            "POST,PUT|/registry/peers/targets/invoke/all|",
            "POST,PUT|/registry/peers/peer1/targets/t1/stop|",
            "POST,PUT|/registry/peers/peer1/targets/stop/all|",
            "POST,PUT|/registry/peers/targets/stop/all|",
            "POST,PUT|/registry/peers/targets/results/all/true|",
            "POST,PUT|/registry/peers/targets/results/invocations/false|",
            "POST,PUT|/registry/peers/track/headers/x,y|",
            "POST|/registry/peers/targets/clear|",
            "GET|/registry/peers/jobs|",
            "POST|/registry/peers/peer1/jobs/add|JOB",
            "POST,PUT|/registry/peers/peer1/jobs/j1/remove|",
            "POST|/registry/peers/peer1/jobs/clear|",
            "GET|/registry/peers/peer1/jobs|",
            "POST,PUT|/registry/peers/peer1/jobs/j1/run|",
            "POST,PUT|/registry/peers/peer1/jobs/j1/invoke|",
            "POST,PUT|/registry/peers/peer1/jobs/run/all|",
            "POST,PUT|/registry/peers/peer1/jobs/invoke/all|",
            "POST,PUT|/registry/peers/jobs/run/all|",
            "POST,PUT|/registry/peers/peer1/jobs/j1/stop|",
            "POST,PUT|/registry/peers/peer1/jobs/stop/all|",
            "POST,PUT|/registry/peers/jobs/stop/all|",
            "POST|/registry/peers/jobs/clear|",
        };
        List<Arguments> cases = new ArrayList<>();
        for (String row : rows) {
            String[] parts = row.split("\\|", -1);
            for (String method : parts[0].split(",")) {
                for (String base : List.of("/registry/peers", "/registry/peer")) {
                    cases.add(Arguments.of(method, parts[1].replace("/registry/peers", base),
                            parts[2]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("referenceRows")
    void everyRowOfTheReferenceAnswers(String method, String path, String body) {
        String json = switch (body) {
            case "PEER" -> peerJson("peer1", peer.address());
            case "TARGET" -> "{\"name\":\"t2\",\"url\":\"http://127.0.0.1:1/\"}";
            case "JOB" -> "{\"id\":\"j2\",\"task\":{\"url\":\"http://127.0.0.1:1/\"}}";
            default -> body.isEmpty() ? null : body;
        };

        Reply reply = registry.send(method, path.replace("ADDRESS", peer.address()), json);

        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "POST|/registry/peers/add|{\"name\":\"\",\"address\":\"1.1.1.1:80\"}|422",
            "POST|/registry/peers/add|{\"name\":\"p\",\"address\":\"nowhere\"}|422",
            "POST|/registry/peers/add|{\"name\":\"p\",\"address\":\"1.1.1.1:70000\"}|422",
            "POST|/registry/peers/add|{\"name\":\"p\",\"address\":\"1.1.1.1:80\",\"x\":1}|422",
            "POST|/registry/peers/add|{\"name\"|400",
            "POST|/registry/peers/add||400",
            "POST|/registry/peers/peer1/remember|{\"name\":\"other\",\"address\":\"1.1.1.1:80\"}|422",
            "POST|/registry/peers/p1/targets/add|{\"url\":\"http://x\"}|422",
            "POST|/registry/peers/p1/targets/add|[1,2]|422",
            "POST|/registry/peers/p1/targets/add|{\"name\":\"t9\",\"url\":\"http://x\",\"delay\":\"soon\"}|422",
            "POST|/registry/peers/p1/targets/add|{\"name\":\"t9\",\"url\":\"http://x\",\"bogus\":1}|422",
            "POST|/registry/peers/p1/targets/add|{\"name\":\"t9\",\"url\":\"ftp://x\"}|422",
            "POST|/registry/peers/p1/targets/add|null|422",
            "POST|/registry/peers/p1/jobs/add|null|422",
            "POST|/registry/peers/p1/jobs/add|{\"task\":{\"url\":\"http://x\"}}|422",
            "POST|/registry/peers/p1/jobs/add|{\"id\":\"j9\",\"task\":{}}|422",
            "POST|/registry/peers/p1/jobs/add|{\"id\":\"j9\",\"task\":{\"url\":\"http://x\",\"cmd\":\"ls\"}}|422",
            "POST|/registry/peers/p1/jobs/add|{\"id\":\"j9\",\"task\":{\"url\":\"http://x\"},\"delay\":\"x\"}|422",
            "POST|/registry/peers/p1/jobs/add|{\"id\":\"j9\",\"task\":{\"url\":\"http://x\"},\"count\":-1}|422",
            "POST|/registry/peers/peer1/jobs/add|{\"id\":\"j1\",\"task\":{\"url\":\"http://x\"}}|409",
            "POST|/registry/peers/peer1/targets/nope/remove||404",
            "POST|/registry/peers/peer1/targets/t1,nope/remove||404",
            "POST|/registry/peers/peer1/targets/nope/invoke||404",
            "POST|/registry/peers/peer1/targets/nope/stop||404",
            "POST|/registry/peers/peer1/jobs/nope/remove||404",
            "POST|/registry/peers/peer1/jobs/nope/run||404",
            "POST|/registry/peers/peer1/jobs/nope/stop||404",
            "POST|/registry/peers/nolabel/targets/invoke/all||404",
            "POST|/registry/peers/nolabel/jobs/run/all||404",
            "POST|/registry/peers/nolabel/targets/clear||404",
            "POST|/registry/peers/nolabel/jobs/clear||404",
            "GET|/registry/peers/nolabel/targets||404",
            "GET|/registry/peers/nolabel/jobs||404",
            "GET|/registry/peers/nolabel/health||404",
            "POST|/registry/peers/nolabel/health/cleanup||404",
            "GET|/registry/peers/peer1/health/9.9.9.9:1||404",
            "GET|/registry/peers/nolabel/locker||404",
            "POST|/registry/peer/nolabel/locker/clear||404",
            "GET|/registry/peers/peer1/9.9.9.9:1/locker||404",
            "POST|/registry/peers/peer1/9.9.9.9:1/locker/clear||404",
            "POST|/registry/peers/peer1/ADDRESS/locker/lock/nokey||404",
            "POST|/registry/peers/peer1/ADDRESS/locker/remove/nokey||404",
            "POST|/registry/peers/peer1/not-an-address/locker/store/k|v|400",
            "POST|/registry/peers/peer1/remove/1.2.3.4:5||404",
            "POST|/registry/peers/nolabel/remove/1.2.3.4:5||404",
            "POST|/registry/peers/targets/results/all/maybe||400",
            "POST|/registry/peers/track/headers/,||400"})
    void rejectsBadInputAndChangesNothing(String method, String path, String body, int status) {
        String before = state();

        Reply reply = registry.send(method, path.replace("ADDRESS", peer.address()), body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("status").asInt()).isEqualTo(status);
        assertThat(reply.json().get("error").asText()).isNotEmpty();
        assertThat(reply.json().get("problems")).isNotEmpty();
        assertThat(state()).isEqualTo(before);
        assertThat(peer.calls()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/registry/peers/peer1/targets/,/remove|targets",
            "/registry/peers/peer1/targets/,/stop|targets",
            "/registry/peer/peer1/targets/,/invoke|targets",
            "/registry/peers/peer1/jobs/,/remove|jobs",
            "/registry/peer/peer1/jobs/,/stop|jobs",
            "/registry/peers/peer1/jobs/,/run|jobs"})
    void namesTheListParameterOfAnEmptyList(String path, String field) {
        Reply reply = registry.post(path);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/problems/0/field").asText()).isEqualTo(field);
        assertThat(peer.calls()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"task\":{\"url\":\"http://x\"}}",
            "{\"id\":\"j,9\",\"task\":{\"url\":\"http://x\"}}",
            "{\"id\":\"j9\",\"task\":{\"url\":\"ftp://x\"}}",
            "{\"id\":\"j9\",\"task\":{\"url\":\"http://x\",\"colour\":1}}",
            "{\"id\":\"j9\",\"task\":{\"cmd\":\" \"}}",
            "{\"id\":\"j9\",\"task\":{\"url\":\"http://x\"},\"keepResults\":5000}",
            "{\"id\":\"j9\",\"task\":{\"url\":\"http://x\"},\"colour\":1}",
            "{\"id\":\"j9\",\"task\":{\"url\":\"http://x\"},\"timeout\":\"-1s\"}",
            "{\"id\":\"j9\"",
            "null"})
    void refusesAJobWithTheStatusAndProblemsOfAPeersOwnJobsAdd(String job) {
        String before = state();

        Reply atRegistry = registry.post("/registry/peers/peer1/jobs/add", job);
        Reply atPeer = registry.post("/jobs/add", job);

        assertThat(atRegistry.status()).as(atRegistry.body()).isEqualTo(atPeer.status())
                .isBetween(400, 422);
        assertThat(atRegistry.json().get("problems")).isNotEmpty()
                .isEqualTo(atPeer.json().get("problems"));
        assertThat(state()).isEqualTo(before);
        assertThat(peer.calls()).isEmpty();
    }

    private String state() {
        return registry.get("/registry/peers").body() + registry.get("/registry/peers/targets")
                .body() + registry.get("/registry/peers/jobs").body()
                + registry.get("/registry/peers/lockers").body();
    }
}
