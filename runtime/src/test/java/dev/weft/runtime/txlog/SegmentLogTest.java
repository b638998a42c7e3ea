package dev.weft.runtime.txlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.log.CapturedLog;
import dev.weft.runtime.redis.Eventually;
import dev.weft.testkit.LogSegmentFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SegmentLogTest {
    @RegisterExtension
    final CapturedLog weftLog = new CapturedLog();

    @TempDir
    Path dir;

    @Test
    void unfinishedTransactionsAreRecoveredInTheirPhaseAndEndedOnesAreNot() {
        try (SegmentLog log = SegmentLog.open(dir)) {
            assertEquals(List.of(), log.recovered());
            begin(log, "trying", 2);
            begin(log, "committing", 2);
            log.append(new LogRecord.BranchDone("committing", 0));
            log.appendDurably(new LogRecord.Decision("committing", true));
            begin(log, "failed", 1);
            log.appendDurably(new LogRecord.Decision("failed", false));
            log.append(new LogRecord.Failed("failed", "cancel threw IllegalStateException: no"));
            begin(log, "ended", 1);
            log.appendDurably(new LogRecord.Decision("ended", true));
            log.append(new LogRecord.End("ended"));
        }
        try (SegmentLog log = SegmentLog.open(dir)) {
            List<RecoveredTransaction> recovered = log.recovered();
            assertEquals(List.of("trying", "committing", "failed"), recovered.stream().map(RecoveredTransaction::xid).toList());
            assertEquals(Phase.TRYING, recovered.get(0).phase());
            assertEquals(2, recovered.get(0).branches().size());
            assertEquals(Phase.COMMITTING, recovered.get(1).phase());
            assertEquals(Set.of(0), recovered.get(1).done());
            assertEquals(Phase.ROLLING_BACK, recovered.get(2).phase());
            assertEquals("cancel threw IllegalStateException: no", recovered.get(2).failure());
            assertEquals("{\"amount\":1}", recovered.get(0).branches().get(1).arguments());
        }
    }

    @Test
    void aTornTailIsCutOffAndKeptAsideAndTheLogGoesOn() throws IOException {
        try (SegmentLog log = SegmentLog.open(dir)) {
            begin(log, "kept", 1);
        }
        LogSegmentFile segment = new LogSegmentFile(onlySegment());
        byte[] whole = segment.records();
        ByteBuffer next = Frames.frame(RecordCodec.encode(new LogRecord.Decision("kept", true)));
        segment.writeAfterRecords(java.util.Arrays.copyOf(next.array(), next.limit() - 3));

        try (SegmentLog log = SegmentLog.open(dir)) {
            assertEquals(Phase.TRYING, log.recovered().get(0).phase(), "the torn decision is not applied");
            assertEquals(whole.length, segment.size(), "cut after the last whole record");
            log.appendDurably(new LogRecord.Decision("kept", false));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".tail")).count());
        }
        try (SegmentLog log = SegmentLog.open(dir)) {
            assertEquals(Phase.ROLLING_BACK, log.recovered().get(0).phase(), "records after the cut are read again");
        }
    }

    @Test
    void aChangedByteInTheLastRecordDropsThatRecordInsteadOfMisapplyingIt() throws IOException {
        try (SegmentLog log = SegmentLog.open(dir)) {
            begin(log, "tx", 1);
            log.appendDurably(new LogRecord.Decision("tx", true));
        }
        LogSegmentFile segment = new LogSegmentFile(onlySegment());
        byte[] records = segment.records();
        // the xid of the decision: "tx" would become another transaction
        segment.writeAt(records.length - 3, new byte[] {(byte) (records[records.length - 3] ^ 0x01)});
        try (SegmentLog log = SegmentLog.open(dir)) {
            assertEquals(Phase.TRYING, log.recovered().get(0).phase());
        }
    }

    @Test
    void damageFollowedByGoodRecordsIsRefusedBecauseItIsNotATornTail() throws IOException {
        try (SegmentLog log = SegmentLog.open(dir)) {
            begin(log, "tx", 2);
            log.appendDurably(new LogRecord.Decision("tx", true));
        }
        Path segment = onlySegment();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[20] ^= 0x01; // inside the Begin, the first record after the checkpoint
        Files.write(segment, bytes);
        TransactionLogException refused = assertThrows(TransactionLogException.class, () -> SegmentLog.open(dir));
        assertTrue(refused.getMessage().contains("good records follow"), refused.getMessage());
        assertEquals(bytes.length, Files.size(segment), "nothing is cut");
    }

    @Test
    void damageInsideTheSnapshotIsRefusedBecauseItIsNotACrash() throws IOException {
        try (SegmentLog log = SegmentLog.open(dir, 1, FileChannel::open)) {
            begin(log, "tx", 1);
            log.append(new LogRecord.Decision("tx", true)); // past 1 byte: the next append starts a new segment
            log.appendDurably(new LogRecord.BranchDone("tx", 0));
        }
        Path segment = onlySegment();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[12] ^= 0x40; // inside the first record of the snapshot
        Files.write(segment, bytes);
        TransactionLogException refused = assertThrows(TransactionLogException.class, () -> SegmentLog.open(dir));
        assertTrue(refused.getMessage().contains("not a crash"), refused.getMessage());
        assertTrue(Files.exists(segment), "nothing is deleted or cut");
    }

    @Test
    void aSecondOpenOfTheSameDirectoryFailsClearlyUntilTheFirstIsClosed() {
        SegmentLog first = SegmentLog.open(dir);
        TransactionLogException refused = assertThrows(TransactionLogException.class, () -> SegmentLog.open(dir));
        assertTrue(refused.getMessage().contains("already in use by another process"), refused.getMessage());
        assertTrue(refused.getMessage().contains("held by"), "names the holder: " + refused.getMessage());
        first.close();
        SegmentLog.open(dir).close();
    }

    @Test
    void segmentsAreCompactedSoTheLogStaysAsSmallAsItsLiveTransactions() throws IOException {
        long segmentBytes = 4096;
        try (SegmentLog log = SegmentLog.open(dir, segmentBytes, FileChannel::open)) {
            begin(log, "long-running", 1);
            for (int i = 0; i < 2000; i++) {
                begin(log, "tx" + i, 2);
                log.appendDurably(new LogRecord.Decision("tx" + i, true));
                log.append(new LogRecord.End("tx" + i));
            }
            assertEquals(1, log.liveCount());
            assertEquals(1, segments().size());
            int records = new LogSegmentFile(onlySegment()).records().length;
            assertTrue(records < 2 * segmentBytes, "records: " + records + " bytes");
            assertTrue(Segment.number(onlySegment()) > 10, "it did roll over: " + onlySegment());
        }
        try (SegmentLog log = SegmentLog.open(dir)) {
            assertEquals(List.of("long-running"), log.recovered().stream().map(RecoveredTransaction::xid).toList());
        }
    }

    @Test
    void concurrentDurableAppendsShareFsyncs() throws Exception {
        FaultyDisk disk = new FaultyDisk();
        int callers = 8;
        try (SegmentLog log = SegmentLog.open(dir, SegmentLog.DEFAULT_SEGMENT_BYTES, disk)) {
            int before = disk.forces.get();
            CountDownLatch release = new CountDownLatch(1);
            disk.holdNextForce = release;
            ExecutorService pool = Executors.newFixedThreadPool(callers);
            try {
                Future<?> leader = pool.submit(() -> log.appendDurably(new LogRecord.Begin("leader", 0, 0, "")));
                assertTrue(disk.forceHeld.await(10, TimeUnit.SECONDS));
                List<Future<?>> followers = new ArrayList<>();
                CountDownLatch written = new CountDownLatch(callers - 1);
                for (int i = 0; i < callers - 1; i++) {
                    String xid = "follower" + i;
                    followers.add(pool.submit(() -> {
                        log.append(new LogRecord.Begin(xid, 0, 0, ""));
                        long end = log.append(new LogRecord.Decision(xid, true));
                        // counted only once its records are written: a follower still writing when the second
                        // fsync starts would need a third, and the count would depend on the scheduler
                        written.countDown();
                        log.awaitDurable(end);
                    }));
                }
                assertTrue(written.await(10, TimeUnit.SECONDS));
                release.countDown();
                leader.get(10, TimeUnit.SECONDS);
                for (Future<?> follower : followers) {
                    follower.get(10, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            // one fsync for the leader; every follower arrived while it ran, so one more covers them all
            assertEquals(2, disk.forces.get() - before);
        }
    }

    /**
     * Appends and writes go on while an fsync runs: the records of a caller that needs them only in the file reach it
     * before the fsync ends. Before they left the lock, an append waited behind the write, and the write behind the
     * fsync.
     */
    @Test
    void recordsAreAppendedAndWrittenWhileAnFsyncRuns() throws Exception {
        FaultyDisk disk = new FaultyDisk();
        try (SegmentLog log = SegmentLog.open(dir, SegmentLog.DEFAULT_SEGMENT_BYTES, disk)) {
            CountDownLatch release = new CountDownLatch(1);
            disk.holdNextForce = release;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> durable = pool.submit(() -> log.appendDurably(new LogRecord.Begin("forced", 0, 0, "")));
                assertTrue(disk.forceHeld.await(10, TimeUnit.SECONDS));

                long written = log.append(new LogRecord.Begin("written", 0, 0, ""));
                // The bound only keeps a write that waits for the held fsync from hanging the build.
                pool.submit(() -> log.awaitWritten(written)).get(10, TimeUnit.SECONDS);

                assertEquals(List.of("forced", "written"), begunInTheFile(), "both in the file, the fsync still held");
                assertFalse(durable.isDone(), "the fsync is still held");
                release.countDown();
                durable.get(10, TimeUnit.SECONDS);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aFullDiskFailsTheWriteAndEveryLaterOneUntilRepairedAndLosesNothingAcknowledged() {
        FaultyDisk disk = new FaultyDisk();
        try (SegmentLog log = SegmentLog.open(dir, SegmentLog.DEFAULT_SEGMENT_BYTES, disk)) {
            begin(log, "before", 1);
            disk.full = true;
            TransactionLogException failed = assertThrows(TransactionLogException.class,
                    () -> log.appendDurably(new LogRecord.Begin("during", 0, 0, "")));
            assertTrue(failed.getMessage().contains("No space left on device"), failed.getMessage());
            Eventually.await("the failure logged", Duration.ofSeconds(30), () -> weftLog.errors().stream()
                    .anyMatch(e -> e.contains("could not be written") && e.contains("No space left on device")));
            assertThrows(TransactionLogException.class, log::checkWritable);
            assertFalse(log.repair(), "still full");
            disk.full = false;
            assertThrows(TransactionLogException.class, () -> log.append(new LogRecord.End("before")),
                    "no record after a torn one until repaired");
            assertTrue(log.repair());
            log.checkWritable();
            log.appendDurably(new LogRecord.Decision("before", true));
        }
        try (SegmentLog log = SegmentLog.open(dir)) {
            // "during" was refused, and may be there or not, as after a failed fsync: the repair wrote what memory
            // held, its append included. Undecided, it is rolled back.
            assertEquals(List.of("before", "during"), log.recovered().stream().map(RecoveredTransaction::xid).toList());
            assertEquals(Phase.COMMITTING, log.recovered().get(0).phase());
            assertEquals(Phase.TRYING, log.recovered().get(1).phase());
        }
    }

    @Test
    void aFailedFsyncIsNeverReportedAsDurable() {
        FaultyDisk disk = new FaultyDisk();
        try (SegmentLog log = SegmentLog.open(dir, SegmentLog.DEFAULT_SEGMENT_BYTES, disk)) {
            disk.fsyncFails = true;
            assertThrows(TransactionLogException.class, () -> log.appendDurably(new LogRecord.Begin("tx", 0, 0, "")));
            assertThrows(TransactionLogException.class, log::checkWritable);
            Eventually.await("the failure logged", Duration.ofSeconds(30),
                    () -> weftLog.errors().stream().anyMatch(e -> e.contains("could not be written")));
            disk.fsyncFails = false;
            assertTrue(log.repair());
        }
    }

    @Test
    void aRecordFromAnotherVersionIsRefusedNotSkipped() throws IOException {
        SegmentLog.open(dir).close();
        ByteBuffer unknown = Frames.frame(new byte[] {99, 1, 2});
        new LogSegmentFile(onlySegment()).writeAfterRecords(java.util.Arrays.copyOf(unknown.array(), unknown.limit()));
        TransactionLogException refused = assertThrows(TransactionLogException.class, () -> SegmentLog.open(dir));
        assertTrue(refused.getMessage().contains("newer Weft"), refused.getMessage());
    }

    @Test
    void aSnapshotCutShortAndASupersededSegmentLeftByACrashAreCleanedUp() throws IOException {
        try (SegmentLog log = SegmentLog.open(dir)) {
            begin(log, "tx", 1);
        }
        Path segment = onlySegment();
        Files.copy(segment, dir.resolve("segment-000000000000.log"));
        Files.write(dir.resolve("segment-000000000002.log.tmp"), new byte[] {1, 2, 3});
        try (SegmentLog log = SegmentLog.open(dir)) {
            assertEquals(1, log.recovered().size());
        }
        assertEquals(List.of(segment), segments());
        assertFalse(Files.exists(dir.resolve("segment-000000000002.log.tmp")));
    }

    private static void begin(RecordLog log, String xid, int branches) {
        log.append(new LogRecord.Begin(xid, 1, 2, "com.acme.Transfers#transfer"));
        for (int i = 0; i < branches; i++) {
            log.appendDurably(new LogRecord.Branch(xid, i, Records.DEBIT, "{\"amount\":" + i + "}"));
        }
    }

    private List<Path> segments() throws IOException {
        return Segment.list(dir);
    }

    /** The transactions whose Begin record is in the segment file now, in order. */
    private List<String> begunInTheFile() throws IOException {
        return Frames.read(Files.readAllBytes(onlySegment())).payloads().stream().map(RecordCodec::decode)
                .filter(record -> record instanceof LogRecord.Begin).map(record -> ((LogRecord.Begin) record).xid())
                .toList();
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = segments();
        assertEquals(1, segments.size(), segments.toString());
        return segments.get(0);
    }
}
