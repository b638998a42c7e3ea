package dev.weft.runtime.tcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.txlog.FileTransactionLog;
import dev.weft.runtime.txlog.SegmentLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log that cannot be written: nothing begins, no try runs unrecorded, and nothing is reported committed. */
class FailClosedTest {
    @TempDir
    Path dir;
    BrokenLog log;
    Harness tcc;

    @BeforeEach
    void open() {
        Accounts.reset();
        log = new BrokenLog(SegmentLog.open(dir));
        tcc = new Harness(FileTransactionLog.over(log), Duration.ofSeconds(30), TccTest.FAST);
    }

    @AfterEach
    void close() {
        tcc.close();
    }

    @Test
    void aGlobalTransactionRefusesToBeginAndItsMethodDoesNotRun() {
        log.breaks();
        WeftBackendException refused = assertThrows(WeftBackendException.class, () -> tcc.transfer(() -> {
            Accounts.JOURNAL.add("body ran");
            return null;
        }));
        assertTrue(refused.getMessage().contains("refused to begin") && refused.getMessage().contains("No space left"),
                refused.getMessage());
        assertEquals(List.of(), Accounts.JOURNAL);
    }

    @Test
    void aTryWhoseBranchCannotBeRecordedDoesNotRun() {
        RuntimeException thrown = assertThrows(WeftBackendException.class, () -> tcc.transfer(() -> {
            tcc.debit("a", 1);
            log.breaks();
            tcc.credit("b", 1);
            return null;
        }));
        assertTrue(thrown.getMessage().contains("the try did not run"), thrown.getMessage());
        assertEquals(List.of("debit a 1"), Accounts.JOURNAL, "no credit, and no cancel before the decision is durable");
        log.fixed();
        Eventually.until("cancelled once the log works", () -> Accounts.JOURNAL.contains("cancelDebit a 1"));
        assertEquals(1, tcc.mbean.getRolledBack());
    }

    @Test
    void aCommitThatCannotBeRecordedIsReportedAsNotCommittedAndRollsBack() {
        WeftBackendException thrown = assertThrows(WeftBackendException.class, () -> tcc.transfer(() -> {
            tcc.debit("a", 1);
            log.breaks();
            return null;
        }));
        assertTrue(thrown.getMessage().contains("was NOT committed"), thrown.getMessage());
        assertEquals(0, tcc.mbean.getCommitted());
        assertEquals(List.of("debit a 1"), Accounts.JOURNAL);
        log.fixed();
        Eventually.until("cancelled once the log works", () -> Accounts.JOURNAL.contains("cancelDebit a 1"));
        Eventually.until("finished", () -> tcc.mbean.getOpenTransactions().isEmpty());
    }
}
