package dev.weft.it.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.notify.NotifyApp;
import dev.weft.it.Jvm;
import dev.weft.it.Postgres;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/notifications.md, end to end: an unchanged application notifies a merchant with a plain JDK HTTP call, and the
 * merchant (a JDK HttpServer in this test) refuses the first calls. Schedules are short and every wait is for an event
 * (a call arriving, a line printed), never for time.
 */
class NotificationTest {
    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    /** Refused twice: the caller returns normally at once, and the merchant gets the call three times. */
    @Test
    void aRefusedNotificationIsRetriedOnItsScheduleUntilTheMerchantTakesIt() throws Exception {
        try (Receiver merchant = new Receiver(2, 0);
             JavaProcess app = Jvm.woven(yaml("retried"), redis.uri(), NotifyApp.class, "notify", merchant.url(), "o1")
                     .start()) {
            app.awaitLine("RETURNED", Jvm.TIMEOUT);
            List<Receiver.Call> calls = merchant.awaitCalls(3, Jvm.TIMEOUT);
            assertEquals(List.of(503, 503, 200), calls.stream().map(Receiver.Call::status).toList());
            assertEquals(List.of("paid-o1", "paid-o1", "paid-o1"),
                    calls.stream().map(Receiver.Call::idempotencyKey).toList(), "the same key on every attempt");
            app.awaitErrorLine(line -> line.contains("notification \"paid-o1\" failed (attempt 2 of 4)"),
                    "the second failure logged", Jvm.TIMEOUT);
            app.awaitErrorLine(line -> line.contains("notification \"paid-o1\" succeeded on attempt 3"),
                    "the success logged", Jvm.TIMEOUT);
            assertStatusShows(app, "Notifications: 0 pending, 0 dead",
                    "  This process: 1 recorded, 1 succeeded, 2 retried, 0 dead-lettered");
            app.send("");
            Jvm.assertExitsCleanly(app);
            assertEquals(3, merchant.calls().size(), "no call after the merchant took it");
        }
    }

    /** The control: without the agent the refusal reaches the caller, and nobody calls again. */
    @Test
    void withoutWeftTheRefusedNotificationIsMadeOnce() throws Exception {
        try (Receiver merchant = new Receiver(2, 0);
             JavaProcess app = Jvm.plain(NotifyApp.class, "notify", merchant.url(), "o1").start()) {
            app.awaitLine("FAILED the merchant answered 503 for o1", Jvm.TIMEOUT);
            app.send("");
            Jvm.assertExitsCleanly(app);
            assertEquals(1, merchant.calls().size(), "calls the merchant got");
            assertEquals(null, merchant.calls().get(0).idempotencyKey(), "no key without the agent");
        }
    }

    /**
     * The caller is killed during its retry (the merchant holds the second call open); another instance, started
     * afterwards, continues the schedule from where it was: the third and fourth calls are its own. With the calls in
     * Redis, in table weft_notification of a PostgreSQL database, and in the file log's directory, where the other
     * instance is the caller restarted on the same directory (the killed process's lock went with it).
     */
    @ParameterizedTest
    @ValueSource(strings = {"redis", "jdbc", "file"})
    void aCallerKilledBetweenFailuresLeavesTheRestOfTheScheduleToAnotherInstance(String store) throws Exception {
        Path config = yaml("killed", switch (store) {
            case "jdbc" -> "{type: jdbc, url: \"" + Postgres.newDatabase("notify") + "\", user: postgres,"
                    + " password: postgres}";
            case "file" -> "{type: file, dir: \"" + dir.resolve("txlog") + "\"}";
            default -> "{type: redis}";
        });
        try (Receiver merchant = new Receiver(3, 2)) {
            long killed;
            try (JavaProcess caller = Jvm.woven(config, redis.uri(), NotifyApp.class, "notify", merchant.url(), "o2")
                    .start()) {
                caller.awaitLine("RETURNED", Jvm.TIMEOUT);
                merchant.awaitCalls(2, Jvm.TIMEOUT);
                killed = caller.pid();
                Jvm.kill9(caller);
            }
            merchant.release();
            try (JavaProcess other = Jvm.woven(config, redis.uri(), NotifyApp.class, "idle").start()) {
                other.awaitLine("READY", Jvm.TIMEOUT);
                List<Receiver.Call> calls = merchant.awaitCalls(4, Jvm.TIMEOUT);
                assertEquals(List.of(503, 503, 503, 200), calls.stream().map(Receiver.Call::status).toList());
                assertEquals(List.of(Long.toString(killed), Long.toString(killed), Long.toString(other.pid()),
                        Long.toString(other.pid())), calls.stream().map(Receiver.Call::callerPid).toList());
                assertEquals(List.of("paid-o2"), calls.stream().map(Receiver.Call::idempotencyKey).distinct().toList(),
                        "the other instance's retries carry the same key");
                other.send("");
                Jvm.assertExitsCleanly(other);
            }
        }
    }

    /** The control: a hand-written retry loop killed at the same point takes the rest of its schedule with it. */
    @Test
    void aHandWrittenRetryLoopKilledBetweenFailuresLosesTheNotification() throws Exception {
        try (Receiver merchant = new Receiver(3, 2)) {
            try (JavaProcess caller = Jvm.plain(NotifyApp.class, "loop", merchant.url(), "o2", "200", "200", "400")
                    .start()) {
                merchant.awaitCalls(2, Jvm.TIMEOUT);
                Jvm.kill9(caller);
            }
            merchant.release();
            try (JavaProcess other = Jvm.plain(NotifyApp.class, "idle").start()) {
                other.awaitLine("READY", Jvm.TIMEOUT);
                other.send("");
                Jvm.assertExitsCleanly(other);
            }
            assertEquals(2, merchant.calls().size(), "calls the merchant got: the paid order is never told");
        }
    }

    /**
     * Refused on every attempt of its schedule, the call becomes a dead letter; {@code notify replay}, run offline,
     * makes it due again and the running instance makes it: the merchant takes the fifth call.
     */
    @Test
    void anExhaustedScheduleLeavesADeadLetterThatReplaySends() throws Exception {
        Path config = yaml("dead");
        try (Receiver merchant = new Receiver(4, 0);
             JavaProcess app = Jvm.woven(config, redis.uri(), NotifyApp.class, "notify", merchant.url(), "o3")
                     .start()) {
            app.awaitLine("RETURNED", Jvm.TIMEOUT);
            app.awaitErrorLine(line -> line.contains("notification \"paid-o3\" failed its last attempt (4 of 4)"),
                    "the dead letter logged", Jvm.TIMEOUT);
            assertEquals(4, merchant.calls().size());
            assertStatusShows(app, "Notifications: 0 pending, 1 dead", "    paid-o3 ");

            JavaProcess replay = JavaProcess.jar(Jvm.agentJar()).name("weft notify replay")
                    .env("REDIS_URI", redis.uri()).args("notify", "replay", "--config", config.toString(), "--all")
                    .start();
            Jvm.assertExitsCleanly(replay);
            assertEquals(List.of("replayed \"paid-o3\""), replay.stdoutLines().subList(0, 1), replay.report());

            assertEquals(200, merchant.awaitCalls(5, Jvm.TIMEOUT).get(4).status());
            app.awaitErrorLine(line -> line.contains("notification \"paid-o3\" succeeded on attempt 1"),
                    "the replay's success logged", Jvm.TIMEOUT);
            assertStatusShows(app, "Notifications: 0 pending, 0 dead");
            app.send("");
            Jvm.assertExitsCleanly(app);
        }
    }

    /** {@code weft status} of the process, through its MXBeans, has a line starting with each of {@code lines}. */
    private static void assertStatusShows(JavaProcess app, String... lines) {
        JavaProcess status = JavaProcess.jar(Jvm.agentJar()).name("weft status")
                .args("status", Long.toString(app.pid())).start();
        Jvm.assertExitsCleanly(status);
        for (String line : lines) {
            assertTrue(status.stdoutLines().stream().anyMatch(l -> l.startsWith(line)), line + status.report());
        }
    }

    private Path yaml(String prefix) throws IOException {
        return yaml(prefix, "{type: redis}");
    }

    private Path yaml(String prefix, String log) throws IOException {
        return Files.writeString(dir.resolve(prefix + ".yaml"), """
                redis:
                  uri: ${REDIS_URI}
                  keyPrefix: "%s:"
                transactions:
                  log: %s
                notifications:
                  - method: com.acme.notify.MerchantClient#notifyPaid(String, String, long)
                    id: "paid-{1}"
                    schedule: [200ms, 200ms, 400ms]
                """.formatted(prefix, log));
    }
}
