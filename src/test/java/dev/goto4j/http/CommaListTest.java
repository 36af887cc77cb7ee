package dev.goto4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommaListTest {

    @Test
    void splitsTrimsAndDropsEmptyItems() {
        assertThat(CommaList.split(" t1, t2,,t3 ")).containsExactly("t1", "t2", "t3");
    }

    @Test
    void requiredRefusesAnEmptyList() {
        assertThatThrownBy(() -> CommaList.required("targets", " , "))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.status()).isEqualTo(400));
    }
}
