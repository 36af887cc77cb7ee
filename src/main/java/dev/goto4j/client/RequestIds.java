package dev.goto4j.client;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for the {@code x-request-id} of {@code sendID} targets. They come
 * from the thread's own generator rather than {@link UUID#randomUUID()}, whose shared secure
 * generator every replica would queue on; an id only needs to be unique, not unguessable.
 */
final class RequestIds {

    private RequestIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }
}
