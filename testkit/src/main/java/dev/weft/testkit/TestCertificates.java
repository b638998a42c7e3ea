package dev.weft.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-only TLS material, committed beside {@code tls/make-certs.sh}, which made it (valid for 100 years, trusted by
 * nothing but these tests): a CA, a server certificate for 127.0.0.1 with its key for redis-server, and for Java
 * clients a trust store of that CA, a client key store it signed, and a trust store of another CA. Made once rather
 * than in each test: every keytool run is a JVM start, and a dozen of them took a minute on a loaded 2-core machine.
 */
public record TestCertificates(Path caCert, Path serverCert, Path serverKey, Path trustStore, Path clientKeyStore,
                               Path otherTrustStore, String password) {
    private static TestCertificates shared;

    /** The files, copied once per test JVM to a directory deleted when it exits (redis-server reads files). */
    public static synchronized TestCertificates shared() {
        if (shared == null) {
            Path dir = TempDirectory.create("weft-tls-").path();
            shared = new TestCertificates(copy(dir, "ca.crt"), copy(dir, "server.crt"), copy(dir, "server.key"),
                    copy(dir, "trust.p12"), copy(dir, "client.p12"), copy(dir, "other-trust.p12"), "weft-test");
        }
        return shared;
    }

    private static Path copy(Path dir, String name) {
        try (InputStream in = TestCertificates.class.getResourceAsStream("tls/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource tls/" + name + " next to " + TestCertificates.class);
            }
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
