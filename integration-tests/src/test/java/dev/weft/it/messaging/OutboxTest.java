package dev.weft.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.outbox.HandPublisher;
import com.acme.outbox.OutboxApp;
import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/outbox.md, end to end in two unchanged JVMs: an order service in plain JDBC auto-commit publishes each order
 * it places (every fifth fails after its insert), a shipping service in another JVM records a shipment per message.
 */
class OutboxTest {
    private static final int ORDERS = 40;
    /** Orders 1..40 but the multiples of 5, each worth ten times its id. */
    private static final String PLACED = "PLACED 32";
    private static final String COMMITTED = "ORDERS 32 6400";

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void everyCommittedOrderIsShippedOnceAndNoRejectedOne() throws IOException {
        Path publishing = OrdersYaml.publish(dir, "orders");
        try (JavaProcess shipping = Jvm.woven(OrdersYaml.consume(dir, "orders"), redis.uri(), OutboxApp.class,
                "consume", url("shipping"),
                "32").start()) {
            shipping.awaitLine("READY", Jvm.TIMEOUT);
            try (JavaProcess orders = Jvm.woven(publishing, redis.uri(), OutboxApp.class, "publish", url("orders"),
                    Integer.toString(ORDERS)).start()) {
                orders.awaitLine(PLACED, Jvm.TIMEOUT);
                orders.awaitLine(COMMITTED, Jvm.TIMEOUT);
                shipping.awaitLine("SHIPPED 32 32 6400", Jvm.TIMEOUT);
                assertStatusShows(orders, "Messages: 32 published, ");
                assertStatusShows(shipping, "  Dead letters: none");
                orders.send("");
                Jvm.assertExitsCleanly(orders);
            }
            shipping.send("");
            Jvm.assertExitsCleanly(shipping);
        }
    }

    /**
     * Redis is down while orders commit, and the publisher is killed before it could relay any of them: the kill falls
     * between the commits and the {@code XADD}s. The orders are committed all the same, their messages wait in
     * weft_outbox, and another instance's sweep sends them once Redis is back: each shipped once, none lost.
     */
    @Test
    void messagesCommittedWhileRedisIsDownSurviveTheirPublishersCrashAndArriveOnce() throws IOException {
        Path publishing = OrdersYaml.publish(dir, "crash");
        try (JavaProcess shipping = Jvm.woven(OrdersYaml.consume(dir, "crash"), redis.uri(), OutboxApp.class, "consume",
                url("shipping"), "33").start()) {
            shipping.awaitLine("READY", Jvm.TIMEOUT);
            redis.server().pause();
            try (JavaProcess crashed = Jvm.woven(publishing, redis.uri(), OutboxApp.class, "publish", url("orders"),
                    Integer.toString(ORDERS)).start()) {
                crashed.awaitLine(COMMITTED, Jvm.TIMEOUT);
                Jvm.kill9(crashed);
            } finally {
                redis.server().resume();
            }
            try (JavaProcess next = Jvm.woven(publishing, redis.uri(), OutboxApp.class, "publish", url("orders"), "1",
                    "41").start()) {
                next.awaitLine("ORDERS 33 6810", Jvm.TIMEOUT);
                shipping.awaitLine("SHIPPED 33 33 6810", Jvm.TIMEOUT);
                next.send("");
                Jvm.assertExitsCleanly(next);
            }
            shipping.send("");
            Jvm.assertExitsCleanly(shipping);
        }
    }

    /**
     * The control: the hand-off teams write without an outbox (commit, then {@code XADD}), killed at the same point,
     * leaves its orders committed and their messages nowhere.
     */
    @Test
    void withAHandOffTheMessagesOfACrashedPublisherAreLost() {
        String stream = "weft:stream:{hand-orders}";
        try (JavaProcess orders = Jvm.plain(HandPublisher.class, url("orders"), redis.uri(), stream,
                Integer.toString(ORDERS)).start()) {
            orders.awaitLine("ORDERS 40 8200", Jvm.TIMEOUT);
            Jvm.kill9(orders);
        }
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertEquals(0L, connection.sync().xlen(stream), "messages that reached the stream");
        } finally {
            client.shutdown();
        }
    }

    /** The control: without Weft, a placing that fails after its insert leaves its order committed all the same. */
    @Test
    void withoutWeftTheRejectedOrdersStayInTheBooks() {
        try (JavaProcess orders = Jvm.plain(OutboxApp.class, "publish", url("orders"), Integer.toString(ORDERS))
                .start()) {
            orders.awaitLine(PLACED, Jvm.TIMEOUT);
            assertEquals("ORDERS 40 8200", orders.awaitLine(line -> line.startsWith("ORDERS "), "ORDERS", Jvm.TIMEOUT),
                    orders.report());
            orders.send("");
            Jvm.assertExitsCleanly(orders);
        }
    }

    /** {@code weft status} of the process, through its MXBeans, has a line starting with {@code line}. */
    private static void assertStatusShows(JavaProcess app, String line) {
        JavaProcess status = JavaProcess.jar(Jvm.agentJar()).name("weft status")
                .args("status", Long.toString(app.pid())).start();
        Jvm.assertExitsCleanly(status);
        assertTrue(status.stdoutLines().stream().anyMatch(l -> l.startsWith(line)), status.report());
    }

    /** {@code WRITE_DELAY=0}: a commit is written before it returns, so a kill -9 cannot undo it. */
    private String url(String database) {
        return "jdbc:h2:file:" + dir.resolve(database).toAbsolutePath() + ";WRITE_DELAY=0";
    }
}
