package dev.weft.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.outbox.Ledger;
import com.acme.outbox.OutboxApp;
import dev.weft.it.Jvm;
import dev.weft.it.Postgres;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/transactional-messages.md, end to end: the order service of the outbox tests, unchanged, publishes each order
 * as a prepared message ({@code mode: prepared}, {@code checkAfter: 1s}); a shipping service in another JVM ships
 * them. Publishers are killed at each step of a prepared message's life, and a last instance checks back what they
 * left: the shipments are exactly the committed orders. The orders live in H2 or in an embedded PostgreSQL.
 */
class PreparedMessageTest {
    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    /**
     * Orders 1 and 2 commit; 3's publisher is killed after its message was prepared and before its transaction
     * began; 5 is rejected after its insert; 6's publisher is killed inside its transaction; 7 commits while Redis
     * is paused, so its message cannot be published, and its publisher is killed then. A fourth instance places 8
     * and 9 and checks back 3 and 6 (discarded) and 7 (published). Shipped: 1, 2, 4, 7, 8, 9.
     */
    @ParameterizedTest(name = "orders on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void publishersKilledAtEachStepLeaveMessagesThatAreCheckedBackToExactlyTheCommittedOrders(String database)
            throws Exception {
        String stream = "paid-" + database;
        Path publishing = preparedYaml(stream);
        String orders = database.equals("H2") ? url("orders") : Postgres.newDatabase("orders");
        try (JavaProcess shipping = Jvm.woven(OrdersYaml.consume(dir, stream), redis.uri(), OutboxApp.class, "consume",
                url("shipping-" + database), "6").start()) {
            shipping.awaitLine("READY", Jvm.TIMEOUT);

            killHolding(publisher(publishing, orders, "3", "1").option("-Dorders.holdBefore=3").start(), "HOLDING 3");
            killHolding(publisher(publishing, orders, "3", "4").option("-Dorders.holdInside=6").start(), "HOLDING 6");
            try (JavaProcess paused = publisher(publishing, orders, "1", "7").option("-Dorders.holdInside=7")
                    .start()) {
                paused.awaitLine("HOLDING 7", Jvm.TIMEOUT);
                redis.server().pause();
                try {
                    paused.send("");
                    paused.awaitLine("PLACED 1", Jvm.TIMEOUT);
                    Jvm.kill9(paused);
                } finally {
                    redis.server().resume();
                }
            }
            try (JavaProcess last = publisher(publishing, orders, "2", "8").start()) {
                last.awaitLine("ORDERS 6 310", Jvm.TIMEOUT);
                shipping.awaitLine("SHIPPED 6 6 310", Jvm.TIMEOUT);
                awaitNothingPrepared(stream);
                last.send("");
                Jvm.assertExitsCleanly(last);
            }
            shipping.send("");
            Jvm.assertExitsCleanly(shipping);
        }
    }

    /**
     * A method that begins its transaction only after its message's check-back ruled it never ran (here: it waits
     * before its first statement longer than checkAfter) cannot commit: its statement is refused, nothing is
     * committed and nothing published. The control, a check-back that only looks, is MessageBarrierTableTest's.
     */
    @Test
    void aTransactionBeginningAfterItsCheckBackIsRefusedAndPublishesNothing() throws Exception {
        try (JavaProcess late = publisher(preparedYaml("late"), url("orders"), "1", "1").option("-Dorders.holdBefore=1")
                .start()) {
            late.awaitLine("HOLDING 1", Jvm.TIMEOUT);
            awaitPrepared("late", true);
            awaitNothingPrepared("late");
            late.send("");
            String refused = late.awaitLine(line -> line.startsWith("REFUSED 1 "), "REFUSED 1", Jvm.TIMEOUT);
            assertTrue(refused.contains("was already checked back and discarded"), late.report());
            late.awaitLine("ORDERS 0 0", Jvm.TIMEOUT);
            late.send("");
            Jvm.assertExitsCleanly(late);
        }
        assertEquals(0L, Streams.length(redis.uri(), "late"), "nothing was published");
    }

    /**
     * Work outside a database, resolved by the application's {@code checkBack} with message ids from {@code id:}: a
     * ledger killed before writing order 2 and one killed after writing order 3; a third instance records 4 and checks
     * back 2 (not recorded: discarded) and 3 (recorded: published). Shipped: 1, 3, 4.
     */
    @Test
    void theApplicationsCheckBackDecidesForWorkOutsideADatabase() throws Exception {
        Path yaml = Files.writeString(dir.resolve("ledger.yaml"), """
                redis:
                  uri: ${REDIS_URI}
                messages:
                  publish:
                    - method: com.acme.outbox.Ledger#record(..)
                      stream: ledger
                      payload: "{0}"
                      id: "order-{0.id}"
                      mode: prepared
                      checkAfter: 1s
                      checkBack: com.acme.outbox.Ledger#hasRecorded(String)
                """);
        String file = "-Dledger.file=" + dir.resolve("ledger.txt").toAbsolutePath();
        try (JavaProcess shipping = Jvm.woven(OrdersYaml.consume(dir, "ledger"), redis.uri(), OutboxApp.class,
                "consume",
                url("shipping"), "3").start()) {
            shipping.awaitLine("READY", Jvm.TIMEOUT);
            killHolding(ledger(yaml, "2", "1").option(file).option("-Dledger.holdBefore=2").start(), "HOLDING 2");
            killHolding(ledger(yaml, "1", "3").option(file).option("-Dledger.holdAfter=3").start(), "HOLDING 3");
            try (JavaProcess last = ledger(yaml, "1", "4").option(file).start()) {
                last.awaitLine("RECORDED 1", Jvm.TIMEOUT);
                shipping.awaitLine("SHIPPED 3 3 80", Jvm.TIMEOUT);
                awaitNothingPrepared("ledger");
                last.send("");
                Jvm.assertExitsCleanly(last);
            }
            shipping.send("");
            Jvm.assertExitsCleanly(shipping);
        }
    }

    private JavaProcess.Builder ledger(Path yaml, String count, String firstId) {
        return Jvm.woven(yaml, redis.uri(), Ledger.class, count, firstId);
    }

    private JavaProcess.Builder publisher(Path yaml, String ordersUrl, String count, String firstId) {
        return Jvm.woven(yaml, redis.uri(), OutboxApp.class, "publish", ordersUrl, count, firstId);
    }

    private static void killHolding(JavaProcess publisher, String holding) {
        try (publisher) {
            publisher.awaitLine(holding, Jvm.TIMEOUT);
            Jvm.kill9(publisher);
        }
    }

    /** Until the check-back resolved every prepared message of the stream (a condition on Redis, not a sleep). */
    private static void awaitNothingPrepared(String stream) throws InterruptedException {
        awaitPrepared(stream, false);
    }

    /** Until the stream has prepared messages waiting, or none; polled on Redis every 50 ms. */
    private static void awaitPrepared(String stream, boolean some) throws InterruptedException {
        long deadline = System.nanoTime() + Jvm.TIMEOUT.toNanos();
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            while (connection.sync().hlen("weft:prepared:{" + stream + "}") > 0 != some) {
                assertTrue(System.nanoTime() < deadline,
                        (some ? "no prepared message appeared in " : "prepared messages left in ") + stream);
                Thread.sleep(50);
            }
        } finally {
            client.shutdown();
        }
    }

    /** {@code WRITE_DELAY=0}: a commit is written before it returns, so a kill -9 cannot undo it. */
    private String url(String database) {
        return "jdbc:h2:file:" + dir.resolve(database).toAbsolutePath() + ";WRITE_DELAY=0";
    }

    private Path preparedYaml(String stream) throws IOException {
        return OrdersYaml.publish(dir, stream, "mode: prepared", "checkAfter: 1s");
    }
}
