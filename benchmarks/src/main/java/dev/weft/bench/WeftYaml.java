package dev.weft.bench;

import dev.weft.bench.lock.LockTerms;
import dev.weft.testkit.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The weft.yaml files the rows attach the agent with: what a user would write (SPEC section 3). */
public final class WeftYaml {
    private WeftYaml() {
    }

    /**
     * A lock keyed by the first argument on each method, on the lease and wait of {@link LockTerms}: {@code mode:
     * single} on one URI, {@code mode: redlock} over {@code redis.nodes} when given several.
     */
    public static Path locks(Path dir, String name, List<String> uris, String... methods) {
        boolean redlock = uris.size() > 1;
        StringBuilder redis = new StringBuilder("redis:\n  uri: " + uris.get(0) + "\n");
        if (redlock) {
            redis.append("  nodes:\n");
            uris.forEach(uri -> redis.append("    - ").append(uri).append('\n'));
        }
        return write(dir, name, redis + lockRules(redlock ? "redlock" : "single", methods));
    }

    /**
     * The lock of {@link #locks} in {@code mode: single} on Redis Cluster, {@code redis.cluster} seeded with
     * {@code seeds}. {@code timeout: 10s}: the first call reads the slot map from every node, which has taken seconds
     * on a loaded 2-core machine (it changes no number, only how long a call may take before it fails).
     */
    public static Path clusterLocks(Path dir, String name, List<String> seeds, String method) {
        StringBuilder redis = new StringBuilder("redis:\n  timeout: 10s\n  cluster:\n");
        seeds.forEach(seed -> redis.append("    - ").append(seed).append('\n'));
        return write(dir, name, redis + lockRules("single", method));
    }

    /**
     * The lock of {@link #locks} in {@code mode: single} on one server at {@code uri}; for a {@code rediss://} URI,
     * {@code redis.tls} with the test CA's trust store and a client key store it signed. {@code timeout: 10s} for
     * both: a JVM's first TLS handshake loads the JDK's TLS stack, seconds on a loaded machine.
     */
    public static Path lockOn(Path dir, String name, String uri, Optional<TestCertificates> tls, String method) {
        StringBuilder redis = new StringBuilder("redis:\n  timeout: 10s\n  uri: " + uri + "\n");
        tls.ifPresent(certificates -> redis.append("""
                  tls:
                    trustStore: "%s"
                    trustStorePassword: %s
                    keyStore: "%s"
                    keyStorePassword: %s
                """.formatted(certificates.trustStore(), certificates.password(), certificates.clientKeyStore(),
                certificates.password())));
        return write(dir, name, redis + lockRules("single", method));
    }

    private static String lockRules(String mode, String... methods) {
        StringBuilder yaml = new StringBuilder("locks:\n");
        for (String method : methods) {
            yaml.append("""
                      - method: %s
                        key: "{0}"
                        lease: %ds
                        wait: %ds
                        onBusy: throw
                        mode: %s
                    """.formatted(method, LockTerms.LEASE.toSeconds(), LockTerms.WAIT.toSeconds(), mode));
        }
        return yaml.toString();
    }

    /** Global transactions on {@code Transfer}'s two methods, over the two participants of {@code EmptyBranches}. */
    public static Path tcc(Path dir, String name, String uri, Path logDir) {
        return tcc(dir, name, uri, """
                    type: file
                    dir: "%s"
                """.formatted(logDir));
    }

    /**
     * The same transactions on any log: {@code logLines} is the body of {@code transactions.log}, indented by four
     * spaces, one setting a line.
     */
    public static Path tcc(Path dir, String name, String uri, String logLines) {
        return write(dir, name, """
                redis:
                  uri: %s
                transactions:
                  log:
                %s  global:
                    - method: com.acme.bench.Transfer#twoBranches(long)
                    - method: com.acme.bench.Transfer#noBranch(long)
                  participants:
                    - try: com.acme.bench.EmptyBranches#tryFirst(long)
                      confirm: confirmFirst
                      cancel: cancelFirst
                    - try: com.acme.bench.EmptyBranches#trySecond(long)
                      confirm: confirmSecond
                      cancel: cancelSecond
                """.formatted(uri, logLines));
    }

    /** The stream the outbox rows publish to, and its Redis key under the default {@code keyPrefix}. */
    public static final String OUTBOX_STREAM = "orders";
    public static final String OUTBOX_STREAM_KEY = "weft:stream:{" + OUTBOX_STREAM + "}";

    /** {@code messages.publish} on {@code Orders#place} in {@code mode}, outbox or prepared. */
    public static Path outboxPublisher(Path dir, String name, String uri, String mode) {
        return write(dir, name, """
                redis:
                  uri: %s
                messages:
                  publish:
                    - method: com.acme.bench.Orders#place(com.acme.bench.Order)
                      stream: %s
                      payload: "{0}"
                      mode: %s
                """.formatted(uri, OUTBOX_STREAM, mode));
    }

    /** {@code messages.consume} of the orders by {@code Shipping#onOrder}, {@code concurrency} handlers. */
    public static Path outboxConsumer(Path dir, String name, String uri, int concurrency) {
        return write(dir, name, """
                redis:
                  uri: %s
                messages:
                  consume:
                    - stream: %s
                      group: shipping
                      method: com.acme.bench.Shipping#onOrder(com.acme.bench.Order)
                      concurrency: %d
                """.formatted(uri, OUTBOX_STREAM, concurrency));
    }

    /** {@code Merchant#notifyPaid} as a notification, its calls in the store {@code log} (a flow map) names. */
    public static Path notifications(Path dir, String name, String uri, String log) {
        return write(dir, name, """
                redis:
                  uri: %s
                transactions:
                  log: %s
                notifications:
                  - method: com.acme.bench.Merchant#notifyPaid(long)
                    id: "paid-{0}"
                    schedule: [1s, 10s]
                """.formatted(uri, log));
    }

    /** {@code TwoBanks#move} as an XA method, Narayana's log in {@code objectStore}. */
    public static Path xa(Path dir, String name, Path objectStore) {
        return write(dir, name, """
                xa:
                  objectStore: "%s"
                  global:
                    - method: com.acme.bench.TwoBanks#move(long)
                """.formatted(objectStore));
    }

    /** Sessions in Redis as docs/sessions.md has them; the counter is an {@code Integer}, which needs no allow entry. */
    public static Path sessions(Path dir, String name, String uri) {
        return write(dir, name, """
                redis:
                  uri: %s
                sessions:
                  enabled: true
                  serializer: java
                """.formatted(uri));
    }

    private static Path write(Path dir, String name, String yaml) {
        try {
            return Files.writeString(dir.resolve(name + ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
