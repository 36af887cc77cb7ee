package dev.goto4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"200ms, 200000000", "1s, 1000000000", "1.5s, 1500000000", "1m30s, 90000000000",
            "1h, 3600000000000", "10us, 10000", "0, 0", "'', 0", "2h45m, 9900000000000"})
    void parsesGoDurations(String text, long nanos) {
        assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest
    @CsvSource({"200000000, 200ms", "1500000000, 1.5s", "90000000000, 1m30s",
            "3600000000000, 1h0m0s", "0, 0s", "10000, 10µs", "61500000000, 1m1.5s"})
    void formatsLikeGo(long nanos, String text) {
        assertThat(Durations.format(Duration.ofNanos(nanos))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "10", "5 s", "1x", "ms", "-1s"})
    void refusesWhatIsNotANonNegativeDuration(String text) {
        assertThatThrownBy(() -> Durations.parseField("delay", text))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problems().get(0).field()).isEqualTo("delay");
                    assertThat(e.problems().get(0).value()).isEqualTo(text);
                });
    }
}
