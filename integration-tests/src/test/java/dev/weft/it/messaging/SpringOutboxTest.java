package dev.weft.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.outbox.OutboxApp;
import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.it.matrix.AppDatabase;
import dev.weft.it.matrix.Http;
import dev.weft.it.matrix.SpringStockJvm;
import dev.weft.it.matrix.Stack;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/outbox.md with Spring: apps/spring-stock, a Spring Boot fat jar with no Weft in it, sells from its stock
 * through the {@code @Transactional} {@code Sales#sell(Sale)}, which inserts the sale, takes its units, and is refused
 * (409, the transaction rolls back) when too few are left. Weft publishes each sale from that method, so its message
 * goes into the transaction Spring opened and commits; the shipping service in a second JVM ({@link OutboxApp}
 * {@code consume}) records a shipment per message in its own H2 database. The shipments must be the committed sales:
 * same count, one per sale, same total quantity.
 *
 * <p>Spring's own JDBC log ({@code logging.level.org.springframework.jdbc=DEBUG}, set as a deployment sets it) is the
 * witness that the refused sales are worth testing: each of them ran its {@code INSERT INTO sale} inside its
 * transaction before that transaction rolled back, so a message sent anywhere in the method before the commit would
 * announce it.
 */
class SpringOutboxTest {
    private static final long STOCK = 1000;
    private static final int SALES = 40;
    private static final int REFUSED = 8;
    /** Sales 1..40 of {@code id} units each, but every fifth asks for more than the whole stock. */
    private static final String COMMITTED = "32 32 640";
    private static final long LEFT = STOCK - 640;
    private static final Map<String, String> JDBC_LOG = Map.of("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_JDBC", "DEBUG");
    private static final String SALE_INSERT = "Executing prepared SQL statement [INSERT INTO sale ";
    private static final String ROLLBACK = "Initiating transaction rollback";

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void everyCommittedSaleIsShippedOnceAndNoRefusedOne() throws IOException {
        Path publishing = yaml("publish.yaml", """
                messages:
                  publish:
                    - method: com.acme.stock.Sales#sell(..)
                      stream: sales
                      payload: "{0}"
                """);
        Path consuming = yaml("consume.yaml", """
                messages:
                  consume:
                    - stream: sales
                      group: shipping
                      method: com.acme.outbox.Shipping#onSale(..)
                """);
        String shipments = "jdbc:h2:file:" + dir.resolve("shipping").toAbsolutePath();
        try (JavaProcess shipping = Jvm.woven(consuming, redis.uri(), OutboxApp.class, "consume", shipments,
                Integer.toString(SALES - REFUSED)).start();
             AppDatabase db = AppDatabase.open(Jvm.springStockJar(), database(), dir);
             SpringStockJvm stock = start(Stack.current(Stack.Agent.WEFT), publishing)) {
            shipping.awaitLine("READY", Jvm.TIMEOUT);
            String committed = sell(stock, db);
            assertEquals("SHIPPED " + committed,
                    shipping.awaitLine(line -> line.startsWith("SHIPPED "), "SHIPPED", Jvm.TIMEOUT), shipping.report());
            assertRefusedSalesRanTheirInsertAndRolledBack(stock);
            shipping.send("");
            Jvm.assertExitsCleanly(shipping);
        }
    }

    /**
     * The control, without Weft: the same sales and the same books, and in Spring's log every refused sale's insert
     * and then its rollback. A hand-written publish in {@code sell}, or in a listener called from it, runs before
     * Spring's commit, and would have sent all 40 sales to a shipping service that must ship 32.
     */
    @Test
    void withoutWeftEachRefusedSaleRanItsInsertBeforeItsTransactionRolledBack() {
        try (AppDatabase db = AppDatabase.open(Jvm.springStockJar(), database(), dir);
             SpringStockJvm stock = start(Stack.current(), null)) {
            sell(stock, db);
            assertRefusedSalesRanTheirInsertAndRolledBack(stock);
        }
    }

    /** Opened by the test before the application, as in SpringBootRowTest, so that the test serves the file. */
    private Path database() {
        return dir.resolve("stock");
    }

    private SpringStockJvm start(Stack stack, Path weftConfig) {
        SpringStockJvm stock = SpringStockJvm.start("stock", stack, database(), weftConfig, redis.uri(), JDBC_LOG);
        stock.awaitStarted();
        return stock;
    }

    /**
     * Sells the 40, one after another, and reads the books.
     *
     * @return the committed sales as {@code count distinctIds sumOfQuantities}
     */
    private static String sell(SpringStockJvm stock, AppDatabase db) {
        assertEquals(200, Http.put(stock.port(), "/stock/1?quantity=" + STOCK));
        int refused = 0;
        for (int id = 1; id <= SALES; id++) {
            boolean tooMany = id % 5 == 0;
            int status = Http.post(stock.port(), "/sales/" + id + "?stock=1&quantity=" + (tooMany ? STOCK + 1 : id));
            assertEquals(tooMany ? 409 : 200, status, "sale " + id + stock.process().report());
            refused += tooMany ? 1 : 0;
        }
        assertEquals(REFUSED, refused);
        String committed = db.column("SELECT COUNT(*) || ' ' || COUNT(DISTINCT id) || ' ' || SUM(quantity) FROM sale")
                .get(0);
        assertEquals(COMMITTED, committed);
        assertEquals(LEFT, db.number("SELECT quantity FROM stock WHERE id = 1"));
        return committed;
    }

    /** Stops the instance, so that its log is complete, and reads Spring's JDBC log. */
    private static void assertRefusedSalesRanTheirInsertAndRolledBack(SpringStockJvm stock) {
        stock.stop();
        assertEquals(SALES, count(stock, SALE_INSERT), "every sale ran its insert" + stock.process().report());
        assertEquals(REFUSED, count(stock, ROLLBACK), "each refused sale rolled back" + stock.process().report());
    }

    private static long count(SpringStockJvm stock, String logged) {
        return stock.process().stdoutLines().stream().filter(line -> line.contains(logged)).count();
    }

    private Path yaml(String name, String messages) throws IOException {
        return Files.writeString(dir.resolve(name), """
                redis:
                  uri: ${REDIS_URI}
                """ + messages);
    }
}
