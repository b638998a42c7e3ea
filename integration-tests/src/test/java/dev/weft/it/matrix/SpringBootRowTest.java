package dev.weft.it.matrix;

import static dev.weft.it.matrix.Stack.Agent.OPENTELEMETRY;
import static dev.weft.it.matrix.Stack.Agent.WEFT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.RedisExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fidelity matrix's Spring Boot row (docs/operations.md, "Tested stacks"): apps/spring-stock, an unchanged Spring
 * Boot 4 executable fat jar (HikariCP, H2 file database shared by two instances through {@code AUTO_SERVER}), run as
 * {@code java [agents] -jar spring-stock.jar} twice at once. Both instances take 100 units each from a stock of
 * 1000 through the {@code @Transactional} {@code StockService#decrement}, locked by Weft on {@code stock:{0}}; then
 * one order is placed and one refused, a TCC transaction whose participant is guarded by the JDBC barrier and whose
 * log is {@code type: jdbc}, both with the H2 driver of the fat jar's {@code BOOT-INF/lib}.
 */
class SpringBootRowTest {
    private static final int STOCK = 1000;
    private static final int PER_INSTANCE = 100;
    private static final int CONNECTIONS_PER_INSTANCE = 4;
    private static final long LEFT = STOCK - 2L * PER_INSTANCE;
    /** Phase two runs right after the decision, on the request's thread, unless another instance's round holds it. */
    private static final Duration PHASE_TWO = Duration.ofSeconds(30);

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void withoutWeftDecrementsAreLostAndOrdersAreNeitherConfirmedNorCancelled() {
        Outcome outcome = run(Stack.current(), Stack.current());
        assertTrue(outcome.left > LEFT, "the control must lose decrements, or the locked rows prove nothing: "
                + outcome.left + " left");
        assertEquals(List.of("TRIED", "TRIED"), outcome.reservations, "without Weft nothing confirms or cancels");
    }

    @Test
    void withWeftTheLockCoversTheCommitAndTheBarrierAndTheJdbcLogUseTheFatJarsDriver() {
        assertProtected(run(Stack.current(WEFT), Stack.current(WEFT)));
    }

    @Test
    void withWeftOnJava25() {
        assertProtected(run(Stack.java25(WEFT), Stack.java25(WEFT)));
    }

    /** One instance with OpenTelemetry's agent before Weft's, the other after: both orders in one race. */
    @Test
    void withOpenTelemetryBeforeAndAfterWeftBothKeepWorking() {
        Outcome outcome = run(Stack.current(OPENTELEMETRY, WEFT), Stack.current(WEFT, OPENTELEMETRY));
        assertProtected(outcome);
        for (SpringStockJvm instance : outcome.instances) {
            List<String> spans = instance.process().stderrLines().stream()
                    .filter(line -> line.contains("LoggingSpanExporter")).toList();
            long decrements = spans.stream()
                    .filter(line -> line.contains("'POST /stock/{id}/decrement'") && line.contains(" SERVER ")).count();
            long weftCalls = spans.stream().filter(SpringBootRowTest::isWeftsOwnCall).count();
            System.out.printf("[matrix] OpenTelemetry on %s: %d server spans of POST /stock/{id}/decrement, %d spans"
                    + " of Weft's own Redis and JDBC calls%n", instance.stack(), decrements, weftCalls);
            assertEquals(PER_INSTANCE, decrements, "OpenTelemetry traced every request" + instance.process().report());
            assertEquals(0, weftCalls, "Weft's own calls showed up as spans" + instance.process().report());
        }
    }

    /** Lettuce is only Weft's in this application; the JDBC log's and the barrier's SQL name Weft's tables. */
    private static boolean isWeftsOwnCall(String span) {
        return span.contains("io.opentelemetry.lettuce") || span.contains("weft_tcc");
    }

    private static void assertProtected(Outcome outcome) {
        assertEquals(LEFT, outcome.left, "every decrement kept: the lock was held until the commit");
        assertEquals(List.of("CONFIRMED", "CANCELLED"), outcome.reservations);
        assertEquals(List.of("CANCEL", "CONFIRM", "TRY", "TRY"), outcome.barrierPhases,
                "each phase recorded once by the barrier, inside the participant's transaction");
        assertEquals(0, outcome.unfinishedTransactions, "both transactions ended in the JDBC log");
    }

    private record Outcome(long left, List<String> reservations, List<String> barrierPhases,
                           long unfinishedTransactions, List<SpringStockJvm> instances) {
    }

    /**
     * Two instances race on the stock, then one order is placed on the first and one refused on the second. The test
     * opens the database first, so that it is the one serving the file: two instances starting together would
     * otherwise race to become its {@code AUTO_SERVER}, and H2 refuses the loser ("Locked by another process").
     */
    private Outcome run(Stack first, Stack second) {
        Path database = dir.resolve("stock");
        Path config = weftYaml();
        try (AppDatabase db = AppDatabase.open(Jvm.springStockJar(), database, dir)) {
            List<SpringStockJvm> instances = List.of(
                    SpringStockJvm.start("stock-a", first, database, config, redis.uri()),
                    SpringStockJvm.start("stock-b", second, database, config, redis.uri()));
            try {
                instances.forEach(SpringStockJvm::awaitStarted);
                int a = instances.get(0).port();
                int b = instances.get(1).port();
                assertEquals(200, Http.put(a, "/stock/1?quantity=" + STOCK));
                Requests.postConcurrently(List.of(a, b), "/stock/1/decrement", PER_INSTANCE, CONNECTIONS_PER_INSTANCE);
                assertEquals(200, Http.post(a, "/orders/1"));
                assertEquals(409, Http.post(b, "/orders/2?refused=true"));
                Supplier<List<String>> reservations = () -> db.column("SELECT state FROM reservation ORDER BY order_id");
                boolean weft = first.weft();
                List<String> settled = weft ? await(reservations, now -> !now.contains("TRIED")) : reservations.get();
                Outcome outcome = new Outcome(db.number("SELECT quantity FROM stock WHERE id = 1"), settled,
                        weft ? db.column("SELECT phase FROM weft_tcc_barrier ORDER BY phase") : List.of(),
                        weft ? await(() -> db.number("SELECT COUNT(*) FROM weft_tcc_tx"), now -> now == 0) : 0,
                        instances);
                instances.forEach(SpringStockJvm::stop);
                return outcome;
            } finally {
                instances.forEach(SpringStockJvm::close);
            }
        }
    }

    /** Polls until {@code done} or {@link #PHASE_TWO} has passed; returns the last value, for the assertion. */
    private static <T> T await(Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + PHASE_TWO.toNanos();
        T now = probe.get();
        while (!done.test(now) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
            now = probe.get();
        }
        return now;
    }

    private Path weftYaml() {
        return WeftYaml.write(dir, """
                redis:
                  uri: ${REDIS_URI}
                  timeout: 5s
                locks:
                  - method: com.acme.stock.StockService#decrement(long)
                    key: "stock:{0}"
                    lease: 10s
                    wait: 60s
                transactions:
                  log:
                    type: jdbc
                    url: jdbc:h2:file:${STOCK_DB};AUTO_SERVER=TRUE
                    user: sa
                  global:
                    - method: com.acme.stock.OrderService#place(long, boolean)
                  participants:
                    - try: com.acme.stock.Reservations#reserve(long)
                      confirm: confirmReserve
                      cancel: cancelReserve
                jdbc:
                  barrier: true
                """);
    }
}
