package dev.goto4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.goto4j.testing.GotoProcess;
import dev.goto4j.testing.Reply;
import org.junit.jupiter.api.Test;
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
    void acceptsSingleDashAndEqualsSpellings() {
        try (GotoProcess goto1 = GotoProcess.start("-label=single-dash")) {
            assertThat(goto1.get("/label").body().trim()).isEqualTo("single-dash");
        }
    }

    @Test
    void helpListsTheFlags() {
        GotoProcess.Finished run = GotoProcess.run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--port", "--label", "--registry", "--locker", "--certs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port=70000", "--locker=maybe", "--registry=ftp://x",
            "--certs=/no/such/folder", "--no-such-flag"})
    void badFlagPrintsOneLineAndExitsTwo(String flag) {
        GotoProcess.Finished run = GotoProcess.run(flag);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().filter(l -> l.startsWith("goto:")).count()).isEqualTo(1);
    }
}
