package dev.weft.it.tcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.it.Jvm;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.LogSegmentFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash can leave the log's last write incomplete: the restart cuts that tail off (keeping it aside) and settles
 * the books from the records before it. Damage with good records after it is not a crash, and the restart refuses
 * to guess (exit 73), leaving the files as they were.
 */
class LogTailTest {
    @TempDir
    Path root;

    @Test
    void garbageAfterTheLastRecordIsCutOffAndTheBooksSettle() throws IOException {
        Bank bank = crashedAfterADecision();
        byte[] garbage = new byte[37];
        new Random(3).nextBytes(garbage);
        new LogSegmentFile(bank.segment()).writeAfterRecords(garbage);

        assertRecoveredCuttingTheTail(bank);
    }

    /**
     * The first half of a record, as a crash in the middle of its write leaves it. (Cutting into a record already
     * on disk would not be a crash: a branch record on disk means its try may have run.)
     */
    @Test
    void aRecordCutShortByTheCrashIsDroppedAndTheBooksSettle() throws IOException {
        Bank bank = crashedAfterADecision();
        LogSegmentFile segment = new LogSegmentFile(bank.segment());
        byte[] records = segment.records();
        int last = segment.lastRecordStart();
        int half = (records.length - last) / 2;
        segment.writeAfterRecords(Arrays.copyOfRange(records, last, last + half));

        assertRecoveredCuttingTheTail(bank);
    }

    @Test
    void controlDamageFollowedByGoodRecordsIsRefusedNotCutOff() throws IOException {
        Bank bank = crashedAfterADecision();
        LogSegmentFile segment = new LogSegmentFile(bank.segment());
        byte[] records = segment.records();
        long size = segment.size();
        // cutting here would drop decisions that were already reported
        segment.writeAt(records.length / 2, new byte[] {(byte) (records[records.length / 2] ^ 0x10)});

        JavaProcess check = bank.woven("", "check").start();
        assertEquals(73, check.awaitExit(Jvm.TIMEOUT), check.report());
        assertTrue(check.stderr().contains("good records follow: this is not a write cut short by a crash"),
                check.report());
        assertTrue(check.stdoutLines().isEmpty(), "main never ran: " + check.report());
        assertEquals(size, segment.size(), "nothing was cut");
    }

    private Bank crashedAfterADecision() {
        Bank bank = new Bank(root);
        JavaProcess run = bank.woven("-Dbank.crash=afterDecision -Dbank.crashAt=4", "run", "40", "2", "5").start();
        Bank.assertCrashed(run, "afterDecision");
        return bank;
    }

    private static void assertRecoveredCuttingTheTail(Bank bank) throws IOException {
        JavaProcess check = bank.woven("", "check").start();
        assertEquals(Bank.SETTLED, Bank.books(check));
        assertTrue(check.stderr().contains("unreadable byte(s)"), check.report());
        try (Stream<Path> files = Files.list(bank.dir.resolve("txlog"))) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".tail")).count(), "the cut bytes are kept");
        }
        assertEquals(Bank.SETTLED, bank.recovered(), "the log reads cleanly afterwards");
    }
}
