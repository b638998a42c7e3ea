package dev.weft.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A redis-server as production runs it: TLS only for clients (certificates from {@link TestCertificates}, client
 * certificates required) and ACL users. The plain port stays open on loopback for the fixture's PING only: the
 * {@code default} user may run nothing else.
 */
public final class SecuredRedis implements AutoCloseable {
    private final RedisServer server;
    private final int tlsPort;
    private final TestCertificates certificates;

    private SecuredRedis(RedisServer server, int tlsPort, TestCertificates certificates) {
        this.server = server;
        this.tlsPort = tlsPort;
        this.certificates = certificates;
    }

    /** Whether the redis-server binary was built with TLS (Redis leaves the {@code tls-*} directives out if not). */
    public static boolean binarySupportsTls() {
        try {
            byte[] binary = Files.readAllBytes(RedisServer.binary());
            return new String(binary, StandardCharsets.ISO_8859_1).contains("tls-cert-file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param users ACL rules, one per user, each as {@code ACL SETUSER} takes it after the name, e.g.
     *              {@code "weft on >secret ~weft:* &weft:* -@all +evalsha"}
     */
    public static SecuredRedis start(TestCertificates certificates, String... users) {
        int tlsPort = freePort();
        List<String> args = new ArrayList<>(List.of("--tls-port", String.valueOf(tlsPort),
                "--tls-cert-file", certificates.serverCert().toString(),
                "--tls-key-file", certificates.serverKey().toString(),
                "--tls-ca-cert-file", certificates.caCert().toString(),
                "--tls-auth-clients", "yes",
                "--user", "default", "on", "nopass", "-@all", "+ping"));
        for (String user : users) {
            args.add("--user");
            args.addAll(List.of(user.split(" ")));
        }
        return new SecuredRedis(RedisServer.start(args.toArray(String[]::new)), tlsPort, certificates);
    }

    /** {@code rediss://user:password@127.0.0.1:<tls port>}. */
    public String uri(String user, String password) {
        return "rediss://" + user + ":" + password + "@127.0.0.1:" + tlsPort;
    }

    public TestCertificates certificates() {
        return certificates;
    }

    public RedisServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
