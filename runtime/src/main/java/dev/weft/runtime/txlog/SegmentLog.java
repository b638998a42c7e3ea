package dev.weft.runtime.txlog;

import dev.weft.runtime.log.Log;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The records of {@code transactions.log.type: file} ({@link FileTransactionLog}): append-only segment files in one
 * directory, owned by one process.
 *
 * <p>An append only queues its record in memory, under the lock that orders records; the file is written and forced
 * outside it, so a write that the file system holds up (ext4 can make one wait while an fsync commits its journal)
 * holds up no append. Writing and forcing each use group commit: a caller that needs its records in the file
 * ({@link #awaitWritten}) writes everything queued so far in one write, or, if another caller is writing, waits for it
 * and then for the next write, which covers its records and those of every caller that arrived meanwhile; a caller
 * that needs them on disk ({@link #awaitDurable}) then does the same with the fsync. The next batch is written while
 * the previous one is forced. Concurrent transactions so share writes and fsyncs without a background thread or a
 * timer.
 *
 * <p>Once the records appended since the last snapshot pass {@code segmentBytes}, the log starts a new segment with a
 * snapshot of the live transactions and deletes the old one; ended transactions are not carried over, so the log
 * stays about as large as its unfinished transactions. After a write or fsync error the log takes no more records
 * (an earlier one may be missing or torn) until {@link #repair} has started a new segment from the state in memory.
 */
public final class SegmentLog implements RecordLog {
    public static final long DEFAULT_SEGMENT_BYTES = 8L * 1024 * 1024;

    private final Path dir;
    private final long segmentBytes;
    private final Segment.Opener opener;
    private final DirectoryLock directoryLock;
    private final List<RecoveredTransaction> recovered;
    private final List<LogRecord.Notification> recoveredNotifications;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a caller's write or force has ended. */
    private final Condition ioEnded = lock.newCondition();
    private final LiveTransactions live;
    private Segment active;
    /** Frames appended and not yet given to the file, in order. */
    private final List<ByteBuffer> queued = new ArrayList<>();
    private long queuedBytes;
    /** Bytes appended since open, across segments: a record's end is its place in the order of appends. */
    private long appended;
    /** Into the file, in one write of everything queued: a crash of this process no longer loses what it wrote. */
    private final Stage writing = new Stage() {
        @Override
        long ready() {
            return appended;
        }

        @Override
        Io take() {
            ByteBuffer batch = takeQueued();
            Segment segment = active;
            return () -> segment.write(batch);
        }
    };
    /** Onto the disk, in one fsync of everything written. */
    private final Stage forcing = new Stage() {
        @Override
        long ready() {
            return writing.done;
        }

        @Override
        Io take() {
            Segment segment = active;
            return segment::force;
        }
    };
    private IOException failure;
    private boolean closed;

    private SegmentLog(Path dir, long segmentBytes, Segment.Opener opener, DirectoryLock directoryLock,
                               LiveTransactions live, Segment active) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.opener = opener;
        this.directoryLock = directoryLock;
        this.live = live;
        this.active = active;
        this.recovered = live.transactions();
        this.recoveredNotifications = live.notifications();
    }

    /**
     * Locks {@code dir} (creating it), replays the newest segment and cuts off a torn tail.
     *
     * @throws TransactionLogException when another process holds the directory, or it cannot be read or written
     */
    public static SegmentLog open(Path dir) {
        return open(dir, DEFAULT_SEGMENT_BYTES, FileChannel::open);
    }

    static SegmentLog open(Path dir, long segmentBytes, Segment.Opener opener) {
        Path directory = dir.toAbsolutePath().normalize();
        DirectoryLock directoryLock;
        try {
            Files.createDirectories(directory);
            directoryLock = DirectoryLock.acquire(directory);
        } catch (IOException e) {
            throw new TransactionLogException("cannot open the transaction log directory " + directory + ": " + e, e);
        }
        try {
            LiveTransactions live = new LiveTransactions();
            Segment active = openNewest(directory, live, opener);
            return new SegmentLog(directory, segmentBytes, opener, directoryLock, live, active);
        } catch (IOException e) {
            directoryLock.close();
            throw new TransactionLogException("cannot read the transaction log in " + directory + ": " + e, e);
        } catch (RuntimeException e) {
            directoryLock.close();
            throw e;
        }
    }

    private static Segment openNewest(Path dir, LiveTransactions live, Segment.Opener opener) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(Segment::isTemporary).toList()) {
                Files.delete(file); // a snapshot cut short by a crash; the segment before it still holds everything
            }
        }
        List<Path> segments = Segment.list(dir);
        if (segments.isEmpty()) {
            return Segment.create(dir, 1, List.of(), opener);
        }
        Path newest = segments.get(segments.size() - 1);
        for (Path superseded : segments.subList(0, segments.size() - 1)) {
            Files.delete(superseded); // left by a crash between naming a new segment and deleting the old one
        }
        SegmentReplay.Result result = SegmentReplay.replay(newest, live);
        return Segment.reopen(newest, result.snapshotBytes(), result.validEnd(), opener);
    }

    @Override
    public List<RecoveredTransaction> recovered() {
        return recovered;
    }

    /** The notification calls the log held when it was opened, in a log of notification records. */
    public List<LogRecord.Notification> recoveredNotifications() {
        return recoveredNotifications;
    }

    @Override
    public long append(LogRecord record) {
        ByteBuffer frame = Frames.frame(RecordCodec.encode(record));
        lock.lock();
        try {
            checkWritableLocked();
            if (active.appendedBytes() + queuedBytes >= segmentBytes) {
                try {
                    roll();
                } catch (IOException e) {
                    throw failed(e);
                }
            }
            queued.add(frame);
            queuedBytes += frame.capacity();
            live.apply(record);
            appended += frame.capacity();
            return appended;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void awaitWritten(long end) {
        awaitIo(end, false);
    }

    @Override
    public void awaitDurable(long end) {
        awaitIo(end, true);
    }

    /**
     * Writes, then forces: one caller at a time does each, outside the lock, so the next batch is written while the
     * previous one is forced, and a caller that only needs its records in the file never waits for an fsync.
     */
    private void awaitIo(long end, boolean force) {
        lock.lock();
        try {
            writing.await(end);
            if (force) {
                forcing.await(end);
            }
        } finally {
            lock.unlock();
        }
    }

    /** One step of bringing records to disk, with group commit: one caller at a time takes it, outside the lock. */
    private abstract class Stage {
        /** Every byte up to here has been through this step. */
        long done;
        /** Whether a caller is taking this step now. */
        boolean busy;

        /** Up to where records are ready for this step. */
        abstract long ready();

        /** The step's I/O for the records ready, prepared under the lock. */
        abstract Io take();

        /**
         * Returns once every byte up to {@code end} has been through this step: takes the step for every record ready,
         * or waits for the caller taking it, then for the next one if that did not cover {@code end}. Under the lock.
         */
        void await(long end) {
            while (done < end) {
                checkWritableLocked();
                if (busy) {
                    ioEnded.awaitUninterruptibly();
                    continue;
                }
                busy = true;
                long target = ready();
                IOException error = outsideLock(take());
                busy = false;
                ioEnded.signalAll();
                if (error != null) {
                    throw failed(error);
                }
                done = Math.max(done, target);
            }
        }
    }

    private interface Io {
        void run() throws IOException;
    }

    /**
     * Runs {@code io} with the lock released, the lock held again after it; {@link #roll} waits for it to end, so its
     * segment stays the active one meanwhile.
     *
     * @return its failure, or null
     */
    private IOException outsideLock(Io io) {
        lock.unlock();
        try {
            io.run();
            return null;
        } catch (IOException e) {
            return e;
        } finally {
            lock.lock();
        }
    }

    /** The queued frames as one buffer, for one write; the queue is then empty. */
    private ByteBuffer takeQueued() {
        ByteBuffer batch = ByteBuffer.allocate(Math.toIntExact(queuedBytes));
        queued.forEach(frame -> batch.put(frame.duplicate()));
        queued.clear();
        queuedBytes = 0;
        return batch.flip();
    }

    /**
     * Starts the next segment from the live transactions. It is forced before it is named, and it re-states
     * everything not yet ended, so every record appended so far counts as written and durable once it is in place: the
     * queued ones are dropped, the snapshot holds them.
     */
    private void roll() throws IOException {
        while (writing.busy || forcing.busy) {
            ioEnded.awaitUninterruptibly();
        }
        Segment previous = active;
        active = Segment.create(dir, previous.number() + 1, live.snapshot(), opener);
        queued.clear();
        queuedBytes = 0;
        writing.done = appended;
        forcing.done = appended;
        try {
            previous.close();
            Files.delete(previous.path());
        } catch (IOException e) {
            Log.warn("could not delete the old transaction log segment " + previous.path() + " (" + e + "); it is"
                    + " superseded and will be deleted when the log is next opened");
        }
    }

    private TransactionLogException failed(IOException cause) {
        if (failure == null) {
            failure = cause;
            Log.error("the transaction log in " + dir + " could not be written: " + cause + ". No global transaction"
                    + " can begin until it can; Weft retries by itself (free disk space or fix the file system)");
        }
        return unwritable();
    }

    private TransactionLogException unwritable() {
        return new TransactionLogException("the transaction log in " + dir + " cannot be written (" + failure + ");"
                + " no global transaction can begin until it can be", failure);
    }

    @Override
    public void checkWritable() {
        lock.lock();
        try {
            checkWritableLocked();
        } finally {
            lock.unlock();
        }
    }

    private void checkWritableLocked() {
        if (closed) {
            throw new TransactionLogException("the transaction log in " + dir + " is closed");
        }
        if (failure != null) {
            throw unwritable();
        }
    }

    @Override
    public boolean repair() {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            if (failure == null) {
                return true;
            }
            try {
                roll();
            } catch (IOException e) {
                Log.debug("the transaction log in " + dir + " still cannot be written: " + e);
                return false;
            }
            Log.info("the transaction log in " + dir + " can be written again; global transactions may begin");
            failure = null;
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String describe() {
        return "the file transaction log in " + dir;
    }

    /** Transactions the log holds now, not yet ended. */
    int liveCount() {
        lock.lock();
        try {
            return live.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            while (writing.busy || forcing.busy) {
                ioEnded.awaitUninterruptibly();
            }
            try {
                if (failure == null) {
                    active.write(takeQueued());
                    active.force();
                }
                active.close();
            } catch (IOException e) {
                Log.warn("closing the transaction log in " + dir + ": " + e);
            }
            directoryLock.close();
        } finally {
            lock.unlock();
        }
    }
}
