package dev.weft.runtime.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.log.CapturedLog;
import dev.weft.runtime.txlog.DirectoryInUseException;
import dev.weft.testkit.LogSegmentFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NotificationStoreContract} in {@code <dir>/notifications}, and what only the file store has to show: its
 * calls survive a restart with their schedule, and a record torn by a crash is cut off, the ones before it kept.
 */
class FileNotificationStoreTest extends NotificationStoreContract {
    /** Keeps the torn tail's warning out of the build's output unless a test fails. */
    @RegisterExtension
    final CapturedLog weftLog = new CapturedLog();

    @TempDir
    Path dir;

    @Override
    NotificationStore open() {
        return FileNotificationStore.open(dir);
    }

    private void reopen() {
        store.close();
        store = open();
    }

    @Test
    void aRestartedStoreContinuesTheScheduleWhereItWas() {
        store.record(PAID, "first", T + 1000, 2000);
        Claim second = store.claimDue(T + 1000, 4).get(0);
        assertTrue(store.retryAt("paid-1", second.token(), T + 5000, 2000, "503 from the receiver"));

        reopen();
        assertEquals(1, store.pending());
        assertEquals(Optional.of(PAID), store.find("paid-1"));
        assertEquals(List.of(), store.claimDue(T + 4999, 4), "not due before its next step");
        Claim third = store.claimDue(T + 5000, 4).get(0);
        assertEquals(3, third.attempt(), "the attempts made before the restart count");
        assertEquals("503 from the receiver", third.lastError());

        reopen();
        assertEquals(List.of(), store.claimDue(T + 6999, 4), "the third attempt's claim held it across the restart");
        assertEquals(4, store.claimDue(T + 7000, 4).get(0).attempt());
    }

    @Test
    void deadLettersSurviveARestartAndCanBeReplayedAfterIt() {
        store.record(PAID, "first", T + 1000, 2000);
        assertTrue(store.deadLetter("paid-1", "first", 3, T + 10, "gateway down"));
        reopen();
        assertEquals(List.of(new DeadLetter("paid-1", PAID.method(), 3, T + 10, "gateway down")), store.deadLetters());
        assertEquals(List.of("paid-1"), Replay.all(store, T + 20));
        reopen();
        assertEquals(1, store.claimDue(T + 20, 4).get(0).attempt());
    }

    /**
     * A crash while the success was being written leaves part of its record: it is cut off at the restart and the
     * call is still pending (made once more, with the same key), due when it was.
     */
    @Test
    void aTornLastRecordIsCutOffAndTheCallBeforeItKept() throws IOException {
        store.record(PAID, "first", T + 1000, 2000);
        Claim second = store.claimDue(T + 1000, 4).get(0);
        assertTrue(store.retryAt("paid-1", second.token(), T + 5000, 2000, "503"));
        Path segment = segment();
        Claim third = store.claimDue(T + 5000, 4).get(0);
        assertTrue(store.succeeded("paid-1", third.token()));
        store.close();
        new LogSegmentFile(segment).zeroLastBytes(1); // the last record, the removal, lost its last byte

        store = open();
        assertEquals(1, store.pending(), "the success was not on disk when the crash came");
        assertEquals(List.of(), store.claimDue(T + 6999, 4), "the third attempt's claim was, and holds it");
        assertEquals(4, store.claimDue(T + 7000, 4).get(0).attempt());
        try (Stream<Path> files = Files.list(segment.getParent())) {
            assertTrue(files.anyMatch(file -> file.getFileName().toString().endsWith(".tail")), "the cut bytes kept");
        }
    }

    /** The control: the same history with the removal written whole forgets the call. */
    @Test
    void withTheLastRecordWholeTheSucceededCallIsForgotten() {
        store.record(PAID, "first", T + 1000, 2000);
        Claim second = store.claimDue(T + 1000, 4).get(0);
        assertTrue(store.succeeded("paid-1", second.token()));
        reopen();
        assertEquals(0, store.pending());
        assertEquals(Optional.empty(), store.find("paid-1"));
    }

    @Test
    void oneProcessHoldsTheDirectory() {
        DirectoryInUseException refused = assertThrows(DirectoryInUseException.class,
                () -> FileNotificationStore.open(dir));
        assertTrue(refused.getMessage().contains("already in use"), refused.getMessage());
    }

    private Path segment() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(FileNotificationStore.DIRECTORY))) {
            return files.filter(file -> file.getFileName().toString().matches("segment-\\d+\\.log"))
                    .findFirst().orElseThrow();
        }
    }
}
