package dev.weft.runtime.txlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.txlog.LoggedTransaction.LoggedBranch;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the file log does: its state comes back from the segment after a restart, and a decision waits for its
 * fsync (a commit that cannot be made durable is not taken; a rollback is taken and waits for the disk before phase
 * two may run).
 */
class FileTransactionLogTest {
    private static final ParticipantId DEBIT = new ParticipantId("com.acme.Accounts", "debit",
            "(Ljava/lang/String;J)V", "confirmDebit", "cancelDebit");
    private static final long NOW = System.currentTimeMillis();
    private static final LogRecord.Begin BEGIN = new LogRecord.Begin("x1", NOW, NOW + 60_000, "com.acme.T#transfer");

    @TempDir
    Path dir;

    @Test
    void aCommitAndHowEachTryEndedComeBackAfterARestart() {
        try (FileTransactionLog log = FileTransactionLog.open(dir)) {
            log.register("x1", DEBIT, "[1]", new Carried(BEGIN, List.of()));
            log.register("x1", DEBIT, "[2]", Carried.NONE);
            log.register("x1", DEBIT, "[3]", Carried.NONE);
            log.tryEnded("x1", 1, BranchState.FAILED);
            log.tryEnded("x1", 2, BranchState.DONE);
            log.decide("x1", true, List.of(0));
        }
        try (FileTransactionLog log = FileTransactionLog.open(dir)) {
            LoggedTransaction tx = log.load("x1").orElseThrow();
            assertEquals(Phase.COMMITTING, tx.phase());
            assertEquals(List.of(BranchState.RETURNED, BranchState.FAILED, BranchState.DONE),
                    tx.branches().stream().map(LoggedBranch::state).toList());
            assertEquals(List.of("x1"), log.claimDue(System.currentTimeMillis(), 5000, 10), "decided: due at once");
        }
    }

    @Test
    void aBranchThatHadNotReturnedAtTheCommitIsCancelledAfterARestartToo() {
        try (FileTransactionLog log = FileTransactionLog.open(dir)) {
            log.register("x1", DEBIT, "[1]", new Carried(BEGIN, List.of()));
            log.register("x1", DEBIT, "[2]", Carried.NONE);
            LoggedTransaction decided = log.decide("x1", true, List.of(0)).orElseThrow();
            assertEquals(BranchState.TRYING, decided.branches().get(1).state());
        }
        try (FileTransactionLog log = FileTransactionLog.open(dir)) {
            assertEquals(BranchState.FAILED, log.load("x1").orElseThrow().branches().get(1).state(),
                    "not RETURNED: a commit cancels it, as it would have before the restart");
        }
    }

    @Test
    void aCommitWhoseFsyncFailsIsNotTakenAndTheRollbackAfterItWaitsForTheDisk() {
        FaultyDisk disk = new FaultyDisk();
        try (FileTransactionLog log = FileTransactionLog.over(SegmentLog.open(dir, SegmentLog.DEFAULT_SEGMENT_BYTES,
                disk))) {
            log.register("x1", DEBIT, "[1]", new Carried(BEGIN, List.of()));
            disk.fsyncFails = true;
            assertThrows(TransactionLogException.class, () -> log.decide("x1", true, List.of(0)));
            assertEquals(Phase.TRYING, log.load("x1").orElseThrow().phase(), "the caller is never told committed");

            LoggedTransaction rolledBack = log.decide("x1", false, List.of()).orElseThrow();
            assertEquals(Phase.ROLLING_BACK, rolledBack.phase());
            assertTrue(rolledBack.decisionPending(), "no cancel before the rollback is on disk");
            assertThrows(TransactionLogException.class, log::checkWritable, "nothing begins meanwhile");
            assertEquals(List.of(), log.claimDue(Long.MAX_VALUE - 10_000, 5000, 10));

            disk.fsyncFails = false;
            assertEquals(List.of("x1"), log.claimDue(System.currentTimeMillis() + 1000, 5000, 10),
                    "written at the repair, then due");
            assertFalse(log.load("x1").orElseThrow().decisionPending());
            log.checkWritable();
        }
        try (FileTransactionLog log = FileTransactionLog.open(dir)) {
            assertEquals(Phase.ROLLING_BACK, log.load("x1").orElseThrow().phase());
        }
    }
}
