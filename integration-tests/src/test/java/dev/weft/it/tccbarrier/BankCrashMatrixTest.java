package dev.weft.it.tccbarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC 4, TCC with {@code jdbc.barrier: true}: the bank-transfer crash matrix with exactly-once effects (issue 5). A
 * bank whose participants are naive JDBC halts at one step of a transfer (two threads transferring), restarts, and
 * its books must be settled: the sum intact, nothing frozen or incoming, and no phase's work in the journal twice.
 * Each test runs the same JVMs with {@code jdbc.barrier: false} as its control, which shows what the barrier
 * prevents, or (where TCC alone is enough) that the crash left work to repair.
 */
class BankCrashMatrixTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "barrier {0}")
    @ValueSource(booleans = {true, false})
    void aConfirmReplayedAfterItsCommitIsAppliedOnce(boolean barrier) throws SQLException {
        DbBankJvm bank = new DbBankJvm(dir, barrier);
        bank.runAndCrash("", "inConfirm", 3, 20, 11);
        String books = bank.recovered();
        if (barrier) {
            assertEquals(DbBankJvm.SETTLED, books);
        } else {
            assertTrue(books.matches(".* DUPLICATES [1-9]\\d*"), "recovery confirmed a committed confirm again: " + books);
        }
    }

    @ParameterizedTest(name = "barrier {0}")
    @ValueSource(booleans = {true, false})
    void aCancelReplayedAfterItsCommitIsAppliedOnce(boolean barrier) throws SQLException {
        DbBankJvm bank = new DbBankJvm(dir, barrier);
        bank.runAndCrash("-Dbank.failPercent=30", "inCancel", 1, 20, 11);
        String books = bank.recovered();
        if (barrier) {
            assertEquals(DbBankJvm.SETTLED, books);
        } else {
            assertTrue(books.matches(".* DUPLICATES [1-9]\\d*"), "recovery cancelled a committed cancel again: " + books);
        }
    }

    @ParameterizedTest(name = "barrier {0}")
    @ValueSource(booleans = {true, false})
    void aCrashInsideATryBeforeItsWorkCancelsNothingThatWasNotDone(boolean barrier) throws SQLException {
        DbBankJvm bank = new DbBankJvm(dir, barrier);
        bank.runAndCrash("", "inTry", 3, 20, 11);
        String books = bank.recovered();
        if (barrier) {
            assertEquals(DbBankJvm.SETTLED, books);
        } else {
            assertTrue(books.contains("INCOMING -"), "the credit's cancel undid a try that never ran: " + books);
        }
    }

    @ParameterizedTest(name = "barrier {0}")
    @ValueSource(booleans = {true, false})
    void aTryThatCommitsAndThenThrowsIsCancelled(boolean barrier) throws SQLException {
        DbBankJvm bank = new DbBankJvm(dir, barrier);
        DbBankJvm.settleCleanly(bank.start("-Dbank.failPercent=30", "run", "20", "2", "11"));
        String books = bank.books().summary();
        if (barrier) {
            assertEquals(DbBankJvm.SETTLED, books);
            assertTrue(bank.books().journalRows("CREDIT_CANCEL") > 0, "some credits failed after their commit");
        } else {
            assertTrue(books.matches(".* INCOMING [1-9]\\d* .*"), "a failed try's committed work stays: " + books);
        }
    }

    /**
     * H2 in {@code AUTO_SERVER} mode starts a TCP server with an in-memory management database of its own whenever it
     * opens the file, inside the participant's {@code getConnection}: those statements are H2's, not the phase's.
     */
    @ParameterizedTest(name = "barrier {0}")
    @ValueSource(booleans = {true, false})
    void onH2InAutoServerModeATryThatCommitsAndThenThrowsIsCancelledOnce(boolean barrier) throws SQLException {
        DbBankJvm bank = new DbBankJvm(dir, barrier, true);
        // Late enough that some tries failed before the crash, however the two threads interleave
        bank.runAndCrash("-Dbank.failPercent=30", "inConfirm", 12, 20, 11);
        String books = bank.recovered();
        if (barrier) {
            assertEquals(DbBankJvm.SETTLED, books);
            assertTrue(bank.books().journalRows("CREDIT_CANCEL") > 0, "some credits failed after their commit");
        } else {
            assertTrue(books.matches(".* DUPLICATES [1-9]\\d*"), "recovery confirmed a committed confirm again: "
                    + books);
        }
    }

    /** TCC alone recovers these points correctly; the barrier must not get in the way, and keeps effects single. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"afterTry", "afterDecision"})
    void crashesWhereTccAloneIsEnoughSettleWithTheBarrierToo(String point) throws SQLException {
        DbBankJvm bank = new DbBankJvm(dir, true);
        bank.runAndCrash("-Dbank.failPercent=30", point, 3, 20, 13);
        assertNotEquals(DbBankJvm.SETTLED, bank.books().summary(), "the crash left work to repair");
        assertEquals(DbBankJvm.SETTLED, bank.recovered());
    }

    @ParameterizedTest(name = "barrier {0}")
    @ValueSource(booleans = {true, false})
    void aCrashDuringRecoveryIsRecoveredByTheNextStartWithEachConfirmOnce(boolean barrier) throws SQLException {
        DbBankJvm bank = new DbBankJvm(dir, barrier);
        bank.runAndCrash("", "afterDecision", 2, 20, 13);
        DbBankJvm.assertCrashed(bank.start("-Dbank.crash=inConfirm", "check"), "inConfirm");
        String books = bank.recovered();
        if (barrier) {
            assertEquals(DbBankJvm.SETTLED, books);
        } else {
            assertTrue(books.matches(".* DUPLICATES [1-9]\\d*"), "the confirm committed during recovery ran again: "
                    + books);
        }
    }
}
