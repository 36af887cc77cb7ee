package dev.goto4j.client;

import io.vertx.core.net.PfxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A certificate authority made for a test with the JDK's keytool, and server certificates it
 * signs: the chain a real HTTPS service presents, rather than a self-signed certificate.
 */
final class TestCa {

    private static final String PASSWORD = "password";

    private final Path folder;
    private final String name;

    private TestCa(Path folder, String name) {
        this.folder = folder;
        this.name = name;
    }

    /** Makes a CA called {@code name} whose files live in {@code folder}. */
    static TestCa create(Path folder, String name) {
        TestCa ca = new TestCa(folder, name);
        ca.keytool("-genkeypair", "-alias", "ca", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=" + name, "-ext", "bc:c", "-validity", "2",
                "-keystore", ca.keystore().toString(), "-storetype", "PKCS12");
        ca.keytool("-exportcert", "-alias", "ca", "-rfc", "-keystore", ca.keystore().toString(),
                "-file", ca.certificate().toString());
        return ca;
    }

    /** The CA's certificate in PEM, to put in a {@code --certs} folder. */
    Path certificate() {
        return folder.resolve(name + ".crt");
    }

    /** A key store holding a key and its certificate for {@code host}, signed by this CA. */
    PfxOptions serverKeyFor(String host) {
        Path store = folder.resolve(host + ".p12");
        Path request = folder.resolve(host + ".csr");
        Path signed = folder.resolve(host + ".crt");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=" + host, "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12");
        keytool("-certreq", "-alias", "server", "-keystore", store.toString(),
                "-file", request.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", keystore().toString(),
                "-infile", request.toString(), "-outfile", signed.toString(),
                "-ext", "SAN=dns:" + host, "-validity", "2", "-rfc");
        keytool("-importcert", "-alias", "ca", "-keystore", store.toString(),
                "-file", certificate().toString(), "-noprompt");
        keytool("-importcert", "-alias", "server", "-keystore", store.toString(),
                "-file", signed.toString(), "-noprompt");
        return new PfxOptions().setPath(store.toString()).setPassword(PASSWORD);
    }

    private Path keystore() {
        return folder.resolve(name + ".p12");
    }

    private void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", PASSWORD, "-keypass", PASSWORD));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + args[0] + " failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Copies the CA certificate into a fresh folder under {@code fileName}. */
    Path certsFolder(Path parent, String fileName) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(name + "-" + fileName));
        Files.copy(certificate(), dir.resolve(fileName));
        return dir;
    }
}
