package dev.weft.it.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.outbox.HandConsumer;
import com.acme.outbox.OutboxApp;
import dev.weft.it.Jvm;
import dev.weft.testkit.Conditions;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/outbox.md, "Consumers": a consumer instance killed after its method did its work and before the message was
 * acknowledged. Orders 1..10 but the multiples of 5 are published (8 orders worth 400); two shipping instances share
 * one database and one consumer group, and the first one is killed either inside its first message, after its insert
 * (not yet committed), or after its transaction committed and before its XACK.
 */
class ConsumerCrashTest {
    private static final String EACH_ORDER_ONCE = "SHIPPED 8 8 400";

    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    /**
     * With Weft the held insert is not committed (it commits with the message's weft_inbox row), so when the survivor
     * claims the dead instance's message after its idle time the order is shipped once.
     */
    @Test
    void aMessageHandledByAConsumerThatDiedBeforeItsAckTakesEffectOnce() throws IOException {
        Path consuming = OrdersYaml.consume(dir, "held");
        try (JavaProcess held = shippingInstance(consuming, "-Dshipping.holdAfter=1")) {
            publish("held");
            awaitHolding(held);
            try (JavaProcess survivor = shippingInstance(consuming)) {
                Jvm.kill9(held);
                assertEachOrderShippedOnce(survivor);
            }
        }
    }

    /**
     * Killed after the handler's transaction committed (its shipment with the message's weft_inbox row) and before
     * XACK: the survivor claims the entry and is handed it a second time; the inbox row refuses its second effect and
     * it is acknowledged. The control is the test below, which ships that message twice without an inbox.
     */
    @Test
    void aMessageWhoseConsumerDiedAfterItsCommitBeforeItsAckTakesEffectOnce() throws IOException {
        Path consuming = OrdersYaml.consume(dir, "acked");
        try (JavaProcess halted = shippingInstance(consuming, "-Dweft.messages.haltAt=handledBeforeAck")) {
            publish("acked");
            halted.awaitErrorLine(line -> line.contains("WEFT-HALT handledBeforeAck"), "committed, not acknowledged",
                    Jvm.TIMEOUT);
            try (JavaProcess survivor = shippingInstance(consuming)) {
                Jvm.kill9(halted);
                Conditions.await("every entry handled again and acknowledged", Jvm.TIMEOUT.multipliedBy(2),
                        () -> Streams.pending(redis.uri(), "acked", "shipping") == 0,
                        () -> Streams.pending(redis.uri(), "acked", "shipping") + " pending");
                assertEachOrderShippedOnce(survivor);
            }
        }
        try (JavaProcess books = Jvm.plain(OutboxApp.class, "consume", shippingUrl(), "0").start()) {
            assertEachOrderShippedOnce(books);
        }
    }

    /** A woven shipping instance of the group, once it is ready; {@code options} are JVM options. */
    private JavaProcess shippingInstance(Path consuming, String... options) {
        JavaProcess.Builder builder = Jvm.woven(consuming, redis.uri(), OutboxApp.class, "consume", shippingUrl(), "8");
        for (String option : options) {
            builder = builder.option(option);
        }
        JavaProcess instance = builder.start();
        instance.awaitLine("READY", Jvm.TIMEOUT);
        return instance;
    }

    /**
     * The dead consumer's entries become claimable only after the 30 s idle time, checked every 10 s: most of one JVM
     * timeout goes by before the survivor may touch them. Stops the instance once it reported.
     */
    private static void assertEachOrderShippedOnce(JavaProcess shipping) {
        assertEquals(EACH_ORDER_ONCE, shipping.awaitLine(line -> line.startsWith("SHIPPED "), "the shipments",
                Jvm.TIMEOUT.multipliedBy(2)), shipping.report());
        shipping.send("");
        Jvm.assertExitsCleanly(shipping);
    }

    /**
     * The control: a correct at-least-once consumer written by hand, without an inbox. Its insert committed before the
     * crash, and on restart it handles the message it never acknowledged again: the held order is shipped twice.
     */
    @Test
    void withoutAnInboxTheRedeliveredMessageTakesEffectTwice() throws IOException {
        publish("hand");
        String[] args = {shippingUrl(), redis.uri(), "weft:stream:{hand}", "shipping", "hand-1", "9"};
        long heldOrder;
        try (JavaProcess held = Jvm.plain(HandConsumer.class, args).option("-Dshipping.holdAfter=1").start()) {
            heldOrder = awaitHolding(held);
            Jvm.kill9(held);
        }
        try (JavaProcess restarted = Jvm.plain(HandConsumer.class, args).start()) {
            restarted.awaitLine("SHIPPED 9 8 " + (400 + 10 * heldOrder), Jvm.TIMEOUT);
            Jvm.assertExitsCleanly(restarted);
        }
    }

    /**
     * The id of the order the consumer holds in. Usually order 1, but the stream's order is the relay's: a first relay
     * that finds Redis not yet connected leaves its message to the sweep, and later ones overtake it.
     */
    private static long awaitHolding(JavaProcess consumer) {
        String holding = consumer.awaitLine(line -> line.startsWith("HOLDING "), "HOLDING <order id>", Jvm.TIMEOUT);
        return Long.parseLong(holding.substring("HOLDING ".length()));
    }

    /**
     * Orders 1..10 through Weft's outbox, waiting until they are committed and all in the stream: a message whose
     * first relay found Redis not yet connected waits for the sweep, which a process stopped at once would not run.
     */
    private void publish(String stream) throws IOException {
        Path publishing = OrdersYaml.publish(dir, stream);
        try (JavaProcess orders = Jvm.woven(publishing, redis.uri(), OutboxApp.class, "publish",
                "jdbc:h2:file:" + dir.resolve("orders-" + stream).toAbsolutePath(), "10").start()) {
            orders.awaitLine("ORDERS 8 400", Jvm.TIMEOUT);
            Conditions.await("8 messages in stream " + stream, Jvm.TIMEOUT, () -> Streams.length(redis.uri(), stream) == 8,
                    () -> Streams.length(redis.uri(), stream) + " messages");
            orders.send("");
            Jvm.assertExitsCleanly(orders);
        }
    }

    /**
     * Both instances use one database, as instances of one service do: AUTO_SERVER lets a second JVM open it, and
     * AUTO_RECONNECT lets it go on once the first, which served it, is killed.
     */
    private String shippingUrl() {
        return "jdbc:h2:file:" + dir.resolve("shipping").toAbsolutePath()
                + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0";
    }
}
