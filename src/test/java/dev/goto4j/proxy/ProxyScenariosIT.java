package dev.goto4j.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goto4j.testing.GotoProcess;
import dev.goto4j.testing.Reply;
import dev.goto4j.testing.RunningGoto;
import org.junit.jupiter.api.Test;

/**
 * The scenarios "Test a client's behavior upon service failure" and "Count number of requests
 * received at each service instance for certain headers", with the real services started
 * through the CLI and goto proxies in front of them, driven by the scenarios' own calls.
 */
class ProxyScenariosIT {

    @Test
    void proxyForwardsTheApiThenFailsItTwiceOnDemandThenForwardsAgain() {
        try (GotoProcess realserver = GotoProcess.start("--label", "realserver");
             RunningGoto gotoProxy = RunningGoto.start("goto")) {
            Reply direct = realserver.get("/my/fancy/api");
            Reply alive = gotoProxy.get("/");

            Reply added = gotoProxy.post("/request/proxy/targets/add", "{\"name\": \"myServer\","
                    + " \"match\":{\"uris\":[\"/my/fancy/api\"]}, \"url\":\""
                    + realserver.url("") + "\", \"enabled\":true}");
            Reply proxied = gotoProxy.get("/my/fancy/api");
            Reply forced = gotoProxy.put("/response/status/set/503:2");
            Reply first = gotoProxy.get("/my/fancy/api");
            Reply second = gotoProxy.get("/my/fancy/api");
            Reply third = gotoProxy.get("/my/fancy/api");

            assertThat(direct.status()).isEqualTo(200);
            assertThat(alive.status()).isEqualTo(200);
            assertThat(added.status()).isEqualTo(200);
            assertThat(proxied.status()).isEqualTo(200);
            assertThat(proxied.headers().allValues("Via-Goto"))
                    .containsExactly("goto", "realserver");
            assertThat(proxied.json().get("uri").asText()).isEqualTo("/my/fancy/api");
            assertThat(forced.status()).isEqualTo(200);
            assertThat(first.status()).isEqualTo(503);
            assertThat(second.status()).isEqualTo(503);
            assertThat(first.headers().allValues("Via-Goto")).containsExactly("goto");
            assertThat(third.status()).isEqualTo(200);
            assertThat(third.headers().allValues("Via-Goto")).containsExactly("goto", "realserver");
            JsonNode counts = gotoProxy.get("/request/proxy/counts").json();
            assertThat(counts.at("/countsByTargets/myServer").asLong()).isEqualTo(2);
            assertThat(counts.at("/countsByTargetStatusCodes/myServer/200").asLong()).isEqualTo(2);
        }
    }

    @Test
    void eachProxyCountsTheTrackedHeadersOfWhatItForwardedToItsService() {
        try (GotoProcess service1 = GotoProcess.start("--label", "service-1");
             GotoProcess service2 = GotoProcess.start("--label", "service-2");
             RunningGoto goto1 = RunningGoto.start("goto-1");
             RunningGoto goto2 = RunningGoto.start("goto-2")) {
            goto1.post("/request/headers/track/clear");
            goto1.put("/request/headers/track/add/foo,bar");
            goto2.post("/request/headers/track/clear");
            goto2.put("/request/headers/track/add/foo,bar");
            goto1.post("/request/proxy/targets/add", "{\"name\": \"service-1\", \"url\":\""
                    + service1.url("") + "\", \"match\":{\"uris\":[\"/\"]}, \"enabled\":true}");
            goto2.post("/request/proxy/targets/add", "{\"name\": \"service-2\", \"url\":\""
                    + service2.url("") + "\", \"match\":{\"uris\":[\"/\"]}, \"enabled\":true}");

            Reply viaGoto1 = goto1.get("/some/uri", "foo", "foo1");
            goto1.get("/some/uri", "foo", "foo1", "bar", "bar1");
            Reply viaGoto2 = goto2.get("/some/uri", "bar", "bar2");
            goto2.get("/some/uri", "foo", "foo2", "bar", "bar2");

            assertThat(viaGoto1.headers().allValues("Via-Goto"))
                    .containsExactly("goto-1", "service-1");
            assertThat(viaGoto1.json().at("/headers/foo").asText()).isEqualTo("foo1");
            assertThat(viaGoto2.headers().allValues("Via-Goto"))
                    .containsExactly("goto-2", "service-2");
            JsonNode counts1 = goto1.get("/request/headers/track/counts").json();
            assertThat(counts1.at("/foo/RequestCountsByHeaderValue/foo1").asLong()).isEqualTo(2);
            assertThat(counts1.at("/foo/RequestCountsByHeaderValueAndResponseStatus/foo1/200")
                    .asLong()).isEqualTo(2);
            assertThat(counts1.at("/bar/RequestCountsByHeaderValue/bar1").asLong()).isEqualTo(1);
            assertThat(counts1.at("/foo/RequestCountsByHeaderValueAndRequestedStatus").isObject())
                    .isTrue();
            JsonNode counts2 = goto2.get("/request/headers/track/counts").json();
            assertThat(counts2.at("/bar/RequestCountsByHeaderValue/bar2").asLong()).isEqualTo(2);
            assertThat(counts2.at("/foo/RequestCountsByHeaderValue/foo2").asLong()).isEqualTo(1);
            assertThat(counts2.at("/bar/RequestCountsByHeaderValueAndResponseStatus/bar2/200")
                    .asLong()).isEqualTo(2);
            assertThat(counts2.at("/foo/RequestCountsByHeaderValue").has("foo1")).isFalse();
        }
    }

    @Test
    void headerTrackingCountsTheUpstreamStatusOfProxiedRequests() {
        try (GotoProcess service = GotoProcess.start("--label", "service");
             RunningGoto gotoProxy = RunningGoto.start("goto")) {
            gotoProxy.put("/request/headers/track/add/foo");
            gotoProxy.post("/request/proxy/targets/add", "{\"name\": \"service\", \"url\":\""
                    + service.url("") + "\", \"match\":{\"uris\":[\"/\"]}}");
            service.put("/response/status/set/502:1");

            Reply failed = gotoProxy.get("/some/uri", "foo", "f1");
            Reply ok = gotoProxy.get("/some/uri", "foo", "f1");

            assertThat(failed.status()).isEqualTo(502);
            assertThat(failed.headers().allValues("Via-Goto")).containsExactly("goto", "service");
            assertThat(ok.status()).isEqualTo(200);
            JsonNode byStatus = gotoProxy.get("/request/headers/track/counts").json()
                    .at("/foo/RequestCountsByHeaderValueAndResponseStatus/f1");
            assertThat(byStatus.get("502").asLong()).isEqualTo(1);
            assertThat(byStatus.get("200").asLong()).isEqualTo(1);
        }
    }
}
