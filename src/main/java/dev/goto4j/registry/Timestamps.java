package dev.goto4j.registry;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Times as the registry reports them: RFC 3339 with offset and microseconds. */
final class Timestamps {

    private static final DateTimeFormatter RFC_3339 =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

    private Timestamps() {
    }

    static String now() {
        return OffsetDateTime.now().format(RFC_3339);
    }
}
