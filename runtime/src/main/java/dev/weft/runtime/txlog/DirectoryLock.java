package dev.weft.runtime.txlog;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * {@code weft.lock} in the log directory, locked for as long as the log is open. Two processes appending to one
 * file log would interleave and each replay the other's transactions, so the second is refused. The operating system
 * drops the lock when its process dies, however it dies, so a crash never leaves the directory blocked. The file
 * names its holder, for the error message of the process that was refused.
 */
final class DirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "weft.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(FILE_NAME),
                StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new DirectoryInUseException("the transaction log directory " + dir + " is already in use by another"
                    + " process (" + holder + "); two processes cannot share a file log: give each instance its own"
                    + " transactions.log.dir");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("held by " + ManagementFactory.getRuntimeMXBean().getName() + " since "
                + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)));
        return new DirectoryLock(channel, lock);
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer text = ByteBuffer.allocate(256);
        channel.read(text, 0);
        String written = new String(text.array(), 0, text.position(), StandardCharsets.UTF_8).strip();
        return written.isEmpty() ? "holder unknown" : written;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
