package dev.weft.it.dtx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.dtx.JavaxPayeeService;
import com.acme.dtx.PayeeService;
import com.acme.dtx.PayerService;
import com.acme.dtx.RootService;
import dev.weft.it.Jvm;
import dev.weft.it.Postgres;
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
 * HttpServer, H2 file database) and {@code payee} ({@link PayeeService}, embedded Tomcat, PostgreSQL database; or
 * {@link JavaxPayeeService}, embedded Jetty 9.4 with javax servlets, the same books). Each has its own weft.yaml; all
 * share the transaction log, in one Redis or in a PostgreSQL database of its own ({@link Store}), and use the Redis
 * for the owner locks and wake-ups. Every payee started runs with the same weft.yaml and database: starting two gives
 * two live instances of one service. System properties of a service (crash and pause points, refusals) travel in
 * {@code JAVA_TOOL_OPTIONS}.
 */
final class Services implements AutoCloseable {
    /**
     * Only so that a broken run cannot hang the build: recovery waits for this at most. Not a timing assertion. A
     * service killed while it held a transaction's owner lock (10 s lease), or that could not release it while Redis
     * was down, holds up phase two of that transaction for the lease plus a claim period (5 s): far less than this.
     */
    static final Duration SETTLE = Duration.ofSeconds(90);

    /** Where the shared transaction log lives ({@code transactions.log.type}). */
    enum Store {
        /** In the Redis of {@code redis.uri}. */
        REDIS,
        /** In a PostgreSQL database of its own (the embedded server of the payee's books, another database). */
        JDBC
    }

    private final RedisServer redis;
    private final SharedLog log;
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
        this(dir, redis, Store.REDIS, agent, barrier, timeout);
    }

    /** @param store where the shared transaction log lives */
    Services(Path dir, RedisServer redis, Store store, boolean agent, boolean barrier, String timeout) {
        this.redis = redis;
        this.agent = agent;
        this.payerDb = new Books.Database("jdbc:h2:file:" + dir.resolve("payer-books").toAbsolutePath()
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000", "sa", "");
        this.payeeDb = new Books.Database(Postgres.newDatabase("payee"), "postgres", "postgres");
        Books.Database logDb = store == Store.JDBC
                ? new Books.Database(Postgres.newDatabase("txlog"), "postgres", "postgres") : null;
        this.log = logDb == null ? SharedLog.redis(redis.port()) : SharedLog.jdbc(logDb);
        String logYaml = logDb == null ? "    type: redis"
                : "    type: jdbc\n    url: \"" + logDb.url() + "\"\n    user: " + logDb.user() + "\n    password: "
                + logDb.password();
        String common = """
                redis:
                  uri: ${REDIS_URI}
                  timeout: 5s
                transactions:
                  log:
                %s
                  timeout: %s
                  retry:
                    initial: 50ms
                    max: 500ms
                    maxAttempts: 100
                """.formatted(logYaml, timeout);
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

    /** A payee instance on Tomcat 11 (jakarta servlets); each call starts one more, on the same database. */
    Service payee(String systemProperties) {
        return listening("payee", launch("payee", PayeeService.class, payeeYaml, systemProperties, payeeDb));
    }

    /** A payee instance on Jetty 9.4 (javax servlets), otherwise the same as {@link #payee}. */
    Service javaxPayee(String systemProperties) {
        return listening("payee", launch("payee-javax", JavaxPayeeService.class, payeeYaml, systemProperties,
                payeeDb));
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

    /**
     * Waits until one of {@code candidates} prints {@code line} (whichever of them it is, which the test cannot
     * choose: e.g. the instance that won a transaction's owner lock).
     */
    static Service firstToPrint(String line, Service... candidates) throws InterruptedException {
        long deadline = System.nanoTime() + Jvm.TIMEOUT.toNanos();
        while (true) {
            for (Service candidate : candidates) {
                if (candidate.process().stdoutLines().contains(line)) {
                    return candidate;
                }
            }
            if (System.nanoTime() > deadline) {
                StringBuilder reports = new StringBuilder();
                for (Service candidate : candidates) {
                    reports.append(candidate.process().report());
                }
                throw new AssertionError("none printed \"" + line + "\" within " + Jvm.TIMEOUT + reports);
            }
            Thread.sleep(20);
        }
    }

    /** Waits until the shared log holds no transaction: every one ended, none FAILED. */
    void awaitLogEmpty() throws InterruptedException {
        log.awaitEmpty(SETTLE, this);
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

    /** The most lines containing {@code text} that any one service printed on standard error. */
    long mostErrorLinesWith(String text) {
        return started.stream()
                .mapToLong(p -> p.stderrLines().stream().filter(line -> line.contains(text)).count())
                .max().orElse(0);
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
