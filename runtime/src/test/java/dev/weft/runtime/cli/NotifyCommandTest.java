package dev.weft.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.notification.FileNotificationStore;
import dev.weft.runtime.notification.NotificationCall;
import dev.weft.runtime.notification.NotificationStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notify replay} on the file store: offline it replays; while the directory is held it says what to do. */
class NotifyCommandTest {
    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void aDeadLetterInTheFileStore() throws Exception {
        config = Files.writeString(dir.resolve("weft.yaml"), """
                transactions:
                  log: {type: file, dir: "%s"}
                """.formatted(dir.resolve("txlog")));
        try (NotificationStore store = FileNotificationStore.open(dir.resolve("txlog"))) {
            store.record(new NotificationCall("paid-1", "com.acme.Client#notifyPaid(Ljava/lang/String;)V", "[\"o-1\"]",
                    List.of(Duration.ofSeconds(1)), 1000), "first", 2000, 1000);
            store.deadLetter("paid-1", "first", 2, 3000, "503");
        }
    }

    @Test
    void withNoApplicationRunningTheDeadLetterIsMadeDue() throws Exception {
        CliRun run = CliRun.of("notify", "replay", "--config", config.toString(), "--all");
        assertEquals(Cli.OK, run.status(), run.toString());
        assertEquals("replayed \"paid-1\"", run.outLines().get(0), run.toString());
        try (NotificationStore store = FileNotificationStore.open(dir.resolve("txlog"))) {
            assertEquals(1, store.pending());
            assertEquals(0, store.dead());
        }
    }

    @Test
    void whileAnApplicationHoldsTheStoreItIsRefusedWithWhatToDo() throws Exception {
        try (NotificationStore running = FileNotificationStore.open(dir.resolve("txlog"))) {
            CliRun run = CliRun.of("notify", "replay", "--config", config.toString(), "paid-1");
            assertEquals(Cli.PROBLEM, run.status(), run.toString());
            assertTrue(run.out().contains("already in use"), run.toString());
            assertTrue(run.out().contains("replay through its JMX (dev.weft:type=Notifications, operation replay(id)),"
                    + " or stop it and run this command again"), run.toString());
            assertEquals(1, running.dead(), "nothing replayed");
        }
    }
}
