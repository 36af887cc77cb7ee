package dev.goto4j.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.goto4j.http.ApiException;
import org.junit.jupiter.api.Test;

class LockersTest {

    @Test
    void reportingAgainKeepsFirstReportedAndMovesLastReported() {
        Lockers lockers = new Lockers();
        lockers.store("p1", "10.0.0.1:80", "client", "one");
        String first = lockers.instance("p1", "10.0.0.1:80").get("client").firstReported();

        lockers.store("p1", "10.0.0.1:80", "client", "two");

        Lockers.Entry entry = lockers.instance("p1", "10.0.0.1:80").get("client");
        assertThat(entry.data()).isEqualTo("two");
        assertThat(entry.firstReported()).isEqualTo(first);
        assertThat(entry.lastReported()).isGreaterThanOrEqualTo(first);
    }

    @Test
    void lockedValueMovesToLastWhenNewDataArrives() {
        Lockers lockers = new Lockers();
        lockers.store("p1", "10.0.0.1:80", "client_1", "final");
        lockers.lock("p1", "10.0.0.1:80", "client_1");

        lockers.store("p1", "10.0.0.1:80", "client_1", "newer");

        var locker = lockers.instance("p1", "10.0.0.1:80");
        assertThat(locker.get("client_1").data()).isEqualTo("newer");
        assertThat(locker.get("client_1").locked()).isFalse();
        assertThat(locker.get("client_1_last").data()).isEqualTo("final");
        assertThat(locker.get("client_1_last").locked()).isTrue();
    }

    @Test
    void refusesDataPastTheCapAndKeepsWhatItHad() {
        Lockers lockers = new Lockers(10);
        lockers.store("p1", "10.0.0.1:80", "a", "12345");

        assertThatThrownBy(() -> lockers.store("p1", "10.0.0.2:80", "b", "123456"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status())
                        .isEqualTo(413));

        assertThat(lockers.has("p1", "10.0.0.2:80")).isFalse();
        assertThat(lockers.instance("p1", "10.0.0.1:80").get("a").data()).isEqualTo("12345");
    }

    @Test
    void replacingAValueAndClearingFreeTheirRoom() {
        Lockers lockers = new Lockers(10);
        lockers.store("p1", "10.0.0.1:80", "a", "1234567890");
        lockers.store("p1", "10.0.0.1:80", "a", "0987654321");

        lockers.clearLabel("p1");
        lockers.store("p2", "10.0.0.2:80", "b", "1234567890");

        assertThat(lockers.instance("p2", "10.0.0.2:80").get("b").data()).hasSize(10);
    }
}
