package dev.weft.it.dtx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.dtx.PayeeService;
import com.acme.dtx.PayerService;
import com.acme.dtx.RootService;
import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The three services of a distributed transfer, each its own JVM on loopback, with or without the agent:
 * {@code root} ({@link RootService}, the global method, no database), {@code payer} ({@link PayerService}, JDK
 * HttpServer, H2 file database) and {@code payee} ({@link PayeeService}, embedded Tomcat, PostgreSQL database). Each
 * has its own weft.yaml; all share the transaction log in one Redis. System properties of a service (crash and pause
 * points, refusals) travel in {@code JAVA_TOOL_OPTIONS}.
 */
final class Services implements AutoCloseable {
    /**
     * Only so that a broken run cannot hang the build: recovery waits for this at most. Not a timing assertion. A
     * service killed while it held a transaction's owner lock (30 s lease), or that could not release it while Redis
     * was down, holds up phase two of that transaction for the lease plus a claim period (10 s): far less than this.
     */
    static final Duration SETTLE = Duration.ofSeconds(90);

    private final RedisServer redis;
    private final boolean agent;
    final Books.Database payerDb;
    final Books.Database payeeDb;
    private final Path rootYaml;
    private final Path payerYaml;
    private final Path payeeYaml;
    private final List<JavaProcess> started = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();

    /**
     * @param agent   whether the services run with the agent (false: the control without Weft)
     * @param barrier {@code jdbc.barrier} of the payer and the payee
     * @param timeout the global transaction's timeout
     */
    Services(Path dir, RedisServer redis, boolean agent, boolean barrier, String timeout) {
        this.redis = redis;
        this.agent = agent;
        this.payerDb = new Books.Database("jdbc:h2:file:" + dir.resolve("payer-books").toAbsolutePath()
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000", "sa", "");
        this.payeeDb = new Books.Database(Postgres.newDatabase("payee"), "postgres", "postgres");
        String common = """
                redis:
                  uri: ${REDIS_URI}
                  timeout: 2s
                transactions:
                  log:
                    type: redis
                  timeout: %s
                  retry:
                    initial: 50ms
                    max: 500ms
                    maxAttempts: 100
                """.formatted(timeout);
        this.rootYaml = write(dir, "root.yaml", common + """
                  global:
                    - method: com.acme.dtx.TransferService#transfer(..)
                """);
        this.payerYaml = write(dir, "payer.yaml", common + """
                  participants:
                    - try: com.acme.dtx.DebitService#debit(String, String, long)
                      confirm: confirmDebit
                      cancel: cancelDebit
                jdbc:
                  barrier: %s
                """.formatted(barrier));
        this.payeeYaml = write(dir, "payee.yaml", common + """
                  participants:
                    - try: com.acme.dtx.CreditService#credit(String, String, long)
                      confirm: confirmCredit
                      cancel: cancelCredit
                jdbc:
                  barrier: %s
                """.formatted(barrier));
    }

    /** A service that prints the port it listens on. */
    record Service(String name, JavaProcess process, int port) {
        URI uri() {
            return URI.create("http://127.0.0.1:" + port);
        }

        /** Asks it to stop, and asserts it did so by itself. */
        void stop() {
            process.send("STOP");
            assertEquals(0, process.awaitExit(Jvm.TIMEOUT), name + " exit status" + process.report());
        }
    }

    Service payer(String systemProperties) {
        return listening("payer", launch("payer", PayerService.class, payerYaml, systemProperties, payerDb));
    }

    Service payee(String systemProperties) {
        return listening("payee", launch("payee", PayeeService.class, payeeYaml, systemProperties, payeeDb));
    }

    /** {@code run <transfers> <threads> <seed>} against these two services. */
    JavaProcess root(Service payer, Service payee, String systemProperties, int transfers, int threads, int seed) {
        JavaProcess.Builder builder = builder("root", RootService.class, rootYaml, systemProperties,
                "run", Integer.toString(transfers), Integer.toString(threads), Integer.toString(seed))
                .env("PAYER_URL", payer.uri().toString())
                .env("PAYEE_URL", payee.uri().toString());
        return start(builder);
    }

    private JavaProcess launch(String name, Class<?> main, Path yaml, String systemProperties, Books.Database db) {
        return start(builder(name, main, yaml, systemProperties)
                .env("DTX_DB_URL", db.url())
                .env("DTX_DB_USER", db.user())
                .env("DTX_DB_PASSWORD", db.password()));
    }

    private JavaProcess.Builder builder(String name, Class<?> main, Path yaml, String systemProperties,
                                        String... args) {
        JavaProcess.Builder builder = Jvm.plain(main, args).name(name).env("JAVA_TOOL_OPTIONS", systemProperties);
        return agent ? Jvm.attach(builder, yaml, redis.uri()) : builder;
    }

    private JavaProcess start(JavaProcess.Builder builder) {
        JavaProcess process = builder.start();
        started.add(process);
        return process;
    }

    private Service listening(String name, JavaProcess process) {
        String line = process.awaitLine(l -> l.startsWith("LISTENING "), "LISTENING <port>", Jvm.TIMEOUT);
        Service service = new Service(name, process, Integer.parseInt(line.substring("LISTENING ".length())));
        services.add(service);
        return service;
    }

    /** Waits until the shared log holds no transaction: every one ended, none FAILED. */
    void awaitLogEmpty() throws InterruptedException {
        new SharedLog(redis.port()).awaitEmpty(SETTLE, this);
    }

    /**
     * Stops every participant service still running (each must exit by itself, status 0), then reads the books: the
     * payer's H2 file database is open to one process at a time, and once the services are gone nothing can change
     * the books any more.
     */
    Books stopAndReadBooks() throws SQLException {
        for (Service service : services) {
            if (ProcessHandle.of(service.process().pid()).map(ProcessHandle::isAlive).orElse(false)) {
                service.stop();
            }
        }
        return Books.read(payerDb, payeeDb);
    }

    /** The payee's books only (PostgreSQL, readable while the services run). */
    Books payeeBooks() throws SQLException {
        return Books.read(null, payeeDb);
    }

    /** Everything every service printed so far, for assertion messages. */
    String reports() {
        StringBuilder text = new StringBuilder();
        started.forEach(p -> text.append(p.report()));
        return text.toString();
    }

    @Override
    public void close() {
        started.forEach(JavaProcess::close);
    }

    private static Path write(Path dir, String name, String yaml) {
        try {
            return Files.writeString(dir.resolve(name), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
