package dev.weft.runtime.txlog;

import dev.weft.runtime.log.Log;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The records of {@code transactions.log.type: file} ({@link FileTransactionLog}): append-only segment files in one
 * directory, owned by one process.
 *
 * <p>Durability uses group commit: a caller that needs its record on disk either starts an fsync covering
 * everything written so far, or, if one is already running, waits for it and then for the next one, which covers
 * its record and those of every caller that arrived meanwhile. Concurrent transactions so share fsyncs without a
 * background thread or a timer.
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
    private final Condition synced = lock.newCondition();
    private final LiveTransactions live;
    private Segment active;
    /** Bytes written since open, across segments: a record's end is its place in the order of writes. */
    private long written;
    /** Every byte up to here is on disk. */
    private long durable;
    private boolean syncing;
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
            try {
                if (active.appendedBytes() >= segmentBytes) {
                    roll();
                }
                active.write(frame);
            } catch (IOException e) {
                throw failed(e);
            }
            live.apply(record);
            written += frame.capacity();
            return written;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void awaitDurable(long end) {
        lock.lock();
        try {
            while (durable < end) {
                checkWritableLocked();
                if (syncing) {
                    synced.awaitUninterruptibly();
                    continue;
                }
                syncing = true;
                long target = written;
                Segment segment = active;
                IOException error = null;
                lock.unlock();
                try {
                    segment.force();
                } catch (IOException e) {
                    error = e;
                } finally {
                    lock.lock();
                    syncing = false;
                    synced.signalAll();
                }
                if (error != null) {
                    throw failed(error);
                }
                durable = Math.max(durable, target);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts the next segment from the live transactions. It is forced before it is named, and it re-states
     * everything not yet ended, so every record written so far counts as durable once it is in place.
     */
    private void roll() throws IOException {
        while (syncing) {
            synced.awaitUninterruptibly();
        }
        Segment previous = active;
        active = Segment.create(dir, previous.number() + 1, live.snapshot(), opener);
        durable = written;
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
            while (syncing) {
                synced.awaitUninterruptibly();
            }
            try {
                if (failure == null) {
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
