package dev.goto4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "http://a|false|a|80|''|null",
            "HTTPS://a/|true|a|443|/|null",
            "http://a:8081/x%20y/?q=1&r|false|a|8081|/x%20y/|q=1&r",
            "https://[::1]:9443/p|true|[::1]|9443|/p|null"})
    void takesAUrlApartWithTheSchemesPortWhenNoneIsGiven(String url, boolean ssl, String host,
                                                         int port, String path, String query) {
        assertThat(UpstreamUrl.parse(url))
                .isEqualTo(new UpstreamUrl(ssl, host, port, path, query));
    }
}
