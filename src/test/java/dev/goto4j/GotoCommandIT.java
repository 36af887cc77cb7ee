package dev.goto4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goto4j.testing.Eventually;
import dev.goto4j.testing.GotoProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import dev.goto4j.testing.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the real {@code ./goto} script as a user would. */
class GotoCommandIT {

    @Test
    void startsAnswersAndExitsZeroOnSigterm() {
        try (GotoProcess goto1 = GotoProcess.start("--label", "cli-test")) {
            Reply reply = goto1.get("/echo");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Via-Goto")).isEqualTo("cli-test");
            assertThat(goto1.logLines()).anyMatch(line -> line.contains("goto")
                    && line.contains("port " + goto1.port()) && line.contains("label cli-test"));
            assertThat(goto1.terminate()).isZero();
        }
    }

    @Test
    void requestInFlightAtSigtermIsStillAnswered() {
        try (GotoProcess goto1 = GotoProcess.start("--label", "graceful")) {
            goto1.post("/request/uri/counts/enable");
            goto1.put("/response/delay/set/1s");
            CompletableFuture<Reply> slow = CompletableFuture.supplyAsync(() -> goto1.get("/slow"));
            Eventually.await("the slow request to arrive", () ->
                    goto1.get("/request/uri/counts").json().path("/slow").asLong() == 1);

            int exit = goto1.terminate();

            assertThat(exit).isZero();
            assertThat(slow.join().status()).isEqualTo(200);
        }
    }

    @Test
    void acceptsSingleDashAndEqualsSpellings(@TempDir Path certs) {
        try (GotoProcess goto1 = GotoProcess.start("-label=single-dash", "-locker", "false",
                "--certs=" + certs)) {
            assertThat(goto1.get("/label").body().trim()).isEqualTo("single-dash");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-help"})
    void helpListsTheFlags(String flag) {
        GotoProcess.Finished run = GotoProcess.run(flag);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--port", "--label", "--registry", "--locker", "--certs",
                "--version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-version"})
    void versionPrintsOneLine(String flag) {
        GotoProcess.Finished run = GotoProcess.run(flag);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines().toList()).singleElement().asString().startsWith("goto ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port=70000", "--port=abc", "--locker=maybe", "--registry=ftp://x",
            "--registry=localhost:8000", "--certs=/no/such/folder", "--address=1.2.3.4:abc",
            "--max-tracked-values=0", "--max-tracked-values=lots", "--no-such-flag"})
    void badFlagPrintsOneLineAndExitsTwo(String flag) {
        GotoProcess.Finished run = GotoProcess.run(flag);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().toList()).singleElement().asString().startsWith("goto: ")
                .contains(flag.split("=")[0]);
    }

    @Test
    void portInUsePrintsOneLineAndExitsTwo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            GotoProcess.Finished run = GotoProcess.run("--bind", "127.0.0.1", "--port",
                    String.valueOf(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().lines().toList()).singleElement().asString()
                    .startsWith("goto: ").contains(String.valueOf(taken.getLocalPort()));
        }
    }
}
