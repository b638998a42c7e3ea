package dev.weft.runtime.txlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Segment channels over the real file system that can be told to fail like a full disk, and that count (and can
 * hold back) fsyncs.
 */
final class FaultyDisk implements Segment.Opener {
    volatile boolean full;
    volatile boolean fsyncFails;
    final AtomicInteger forces = new AtomicInteger();
    /** While set, the next fsync waits for it (then it is cleared). */
    volatile CountDownLatch holdNextForce;
    final CountDownLatch forceHeld = new CountDownLatch(1);

    @Override
    public FileChannel open(Path path, OpenOption... options) throws IOException {
        return new Channel(FileChannel.open(path, options));
    }

    private final class Channel extends FileChannel {
        private final FileChannel file;

        Channel(FileChannel file) {
            this.file = file;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (full) {
                // like a real full disk: part of the frame reaches the file, then the error
                ByteBuffer part = src.duplicate();
                part.limit(part.position() + part.remaining() / 2);
                file.write(part);
                throw new IOException("No space left on device");
            }
            return file.write(src);
        }

        @Override
        public void force(boolean metaData) throws IOException {
            CountDownLatch hold = holdNextForce;
            if (hold != null) {
                holdNextForce = null;
                forceHeld.countDown();
                try {
                    hold.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (fsyncFails) {
                throw new IOException("Input/output error");
            }
            forces.incrementAndGet();
            file.force(metaData);
        }

        @Override public int read(ByteBuffer dst) throws IOException { return file.read(dst); }
        @Override public long read(ByteBuffer[] dsts, int offset, int length) throws IOException { return file.read(dsts, offset, length); }
        @Override public long write(ByteBuffer[] srcs, int offset, int length) throws IOException { throw new UnsupportedOperationException(); }
        @Override public long position() throws IOException { return file.position(); }
        @Override public FileChannel position(long newPosition) throws IOException { file.position(newPosition); return this; }
        @Override public long size() throws IOException { return file.size(); }
        @Override public FileChannel truncate(long size) throws IOException { file.truncate(size); return this; }
        @Override public long transferTo(long position, long count, WritableByteChannel target) throws IOException { return file.transferTo(position, count, target); }
        @Override public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException { throw new UnsupportedOperationException(); }
        @Override public int read(ByteBuffer dst, long position) throws IOException { return file.read(dst, position); }
        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
            return file.write(src, position);
        }

        @Override public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException { throw new UnsupportedOperationException(); }
        @Override public FileLock lock(long position, long size, boolean shared) throws IOException { return file.lock(position, size, shared); }
        @Override public FileLock tryLock(long position, long size, boolean shared) throws IOException { return file.tryLock(position, size, shared); }
        @Override protected void implCloseChannel() throws IOException { file.close(); }
    }
}
