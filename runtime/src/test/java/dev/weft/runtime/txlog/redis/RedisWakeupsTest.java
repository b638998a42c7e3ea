package dev.weft.runtime.txlog.redis;

import static dev.weft.runtime.txlog.redis.TestLogs.GENEROUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.weft.runtime.txlog.TransactionLogException;
import dev.weft.testkit.RedisServer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wake-ups published by one instance reach the subscribers of another, also after Redis restarted. */
class RedisWakeupsTest {
    record Heard(String xid, Set<String> classes, String thread) {
    }

    RedisServer server;
    RedisTransactionLog log;
    RedisWakeups publisher;
    RedisWakeups subscriber;
    final BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() {
        server = RedisServer.start();
        log = TestLogs.open(server.uri());
        publisher = log.wakeups();
        subscriber = new RedisWakeups(TestLogs.settings(server.uri(), Duration.ofSeconds(5)));
        subscriber.subscribe((xid, classes) -> heard.add(new Heard(xid, classes, Thread.currentThread().getName())));
    }

    @AfterEach
    void stop() {
        subscriber.close();
        publisher.close();
        log.close();
        server.close();
    }

    @Test
    void aWakeUpReachesASubscriberInAnotherInstanceOnAThreadThatMayCallRedis() throws InterruptedException {
        publisher.publish("xid-1", Set.of("com.acme.AccountService", "com.acme.LedgerService"));
        publisher.publish("xid-2", Set.of());

        assertEquals(new Heard("xid-1", Set.of("com.acme.AccountService", "com.acme.LedgerService"), "weft-tx-wakeups"),
                heard.poll(GENEROUS.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(new Heard("xid-2", Set.of(), "weft-tx-wakeups"), heard.poll(GENEROUS.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    /** Lettuce reconnects the pub/sub connection and subscribes again by itself; nothing in Weft has to. */
    @Test
    void theSubscriptionComesBackAfterRedisRestarts() throws InterruptedException {
        publisher.publish("before", Set.of("A"));
        assertEquals("before", heard.poll(GENEROUS.toMillis(), TimeUnit.MILLISECONDS).xid());

        server.restart();

        long giveUp = System.nanoTime() + GENEROUS.toNanos();
        Heard after = null;
        while (after == null && System.nanoTime() < giveUp) {
            try {
                // Published until heard: one sent before the subscriber has reconnected is lost, as pub/sub does.
                publisher.publish("after", Set.of("A"));
            } catch (TransactionLogException publisherNotReconnectedYet) {
                // the publisher reconnects too
            }
            after = heard.poll(100, TimeUnit.MILLISECONDS);
        }
        assertNotNull(after, "no wake-up heard after the restart");
        assertEquals("after", after.xid());
    }
}
