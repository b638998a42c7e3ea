package dev.weft.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.outbox.OutboxApp;
import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.io.IOException;
import java.nio.file.Files;
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
        Path publishing = yaml("publish.yaml", """
                messages:
                  publish:
                    - method: com.acme.outbox.Orders#place(..)
                      stream: orders
                      payload: "{0}"
                """);
        Path consuming = yaml("consume.yaml", """
                messages:
                  consume:
                    - stream: orders
                      group: shipping
                      method: com.acme.outbox.Shipping#onOrder(..)
                """);
        try (JavaProcess shipping = Jvm.woven(consuming, redis.uri(), OutboxApp.class, "consume", url("shipping"),
                "32").start()) {
            shipping.awaitLine("READY", Jvm.TIMEOUT);
            try (JavaProcess orders = Jvm.woven(publishing, redis.uri(), OutboxApp.class, "publish", url("orders"),
                    Integer.toString(ORDERS)).start()) {
                orders.awaitLine(PLACED, Jvm.TIMEOUT);
                orders.awaitLine(COMMITTED, Jvm.TIMEOUT);
                shipping.awaitLine("SHIPPED 32 32 6400", Jvm.TIMEOUT);
                orders.send("");
                Jvm.assertExitsCleanly(orders);
            }
            shipping.send("");
            Jvm.assertExitsCleanly(shipping);
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

    private String url(String database) {
        return "jdbc:h2:file:" + dir.resolve(database).toAbsolutePath();
    }

    private Path yaml(String name, String messages) throws IOException {
        return Files.writeString(dir.resolve(name), """
                redis:
                  uri: ${REDIS_URI}
                """ + messages);
    }
}
