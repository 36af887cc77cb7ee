package dev.goto4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ResultsFormatTest {

    @Test
    void responseTimesOnAWholeSecondKeepTheirSubSecondDigits() {
        String time = ClientResults.time(1_700_000_000_000L);

        assertThat(time).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000"
                + "(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(OffsetDateTime.parse(time).toInstant().toEpochMilli())
                .isEqualTo(1_700_000_000_000L);
    }

    @RepeatedTest(20)
    void requestIdsAreVersion4Uuids() {
        UUID id = UUID.fromString(RequestIds.next());

        assertThat(id.version()).isEqualTo(4);
        assertThat(id.variant()).isEqualTo(2);
    }
}
