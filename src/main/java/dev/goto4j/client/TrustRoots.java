package dev.goto4j.client;

import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root certificates that verified targets are checked against: the {@code .crt} and
 * {@code .pem} files of the certs folder, or the JVM's system roots when there are none.
 */
final class TrustRoots {

    private static final Logger log = LoggerFactory.getLogger(TrustRoots.class);

    private final PemTrustOptions pem;

    private TrustRoots(PemTrustOptions pem) {
        this.pem = pem;
    }

    /** Reads the folder once at start-up; a missing or empty folder means system roots. */
    static TrustRoots from(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return new TrustRoots(null);
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> certs = files.filter(Files::isRegularFile).filter(TrustRoots::isCert)
                    .sorted().toList();
            if (certs.isEmpty()) {
                return new TrustRoots(null);
            }
            PemTrustOptions pem = new PemTrustOptions();
            certs.forEach(cert -> pem.addCertPath(cert.toString()));
            log.info("Client trusts {} root certificate files from {}", certs.size(), folder);
            return new TrustRoots(pem);
        } catch (IOException e) {
            log.warn("Cannot read certificates from {}, using system roots: {}", folder,
                    e.toString());
            return new TrustRoots(null);
        }
    }

    private static boolean isCert(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".crt") || name.endsWith(".pem");
    }

    /** The PEM roots, or null to keep the JVM's default trust store. */
    PemTrustOptions pemOrNull() {
        return pem == null ? null : new PemTrustOptions(pem);
    }
}
