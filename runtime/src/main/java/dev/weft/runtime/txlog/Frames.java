package dev.weft.runtime.txlog;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Framing of records in a segment: {@code int length | int crc32c(payload) | payload}, big-endian.
 *
 * <p>A segment is filled with zeros ahead of its records ({@link Segment#PREALLOCATED_BYTES}): reading ends cleanly
 * where only zeros are left. Otherwise it stops at the first frame that is incomplete, has an impossible length or a
 * wrong checksum. Everything
 * from there on is the unreadable tail: after a crash it is the part of the last write that did not reach the disk,
 * so it is cut off rather than guessed at, unless good frames follow it ({@link #goodFrameAfter}). A frame is never
 * returned unless its checksum matched.
 */
final class Frames {
    static final int HEADER = 8;
    /** Far above any real record (argument JSON included); a larger length can only be damage. */
    static final int MAX_PAYLOAD = 16 * 1024 * 1024;

    private Frames() {
    }

    static ByteBuffer frame(byte[] payload) {
        ByteBuffer frame = ByteBuffer.allocate(HEADER + payload.length);
        frame.putInt(payload.length).putInt(crc(payload, 0, payload.length)).put(payload).flip();
        return frame;
    }

    /**
     * @param payloads the checked payloads, in order
     * @param validEnd offset just after the last good frame
     * @param damaged  bytes after {@code validEnd} did not form a good frame
     */
    record Read(List<byte[]> payloads, int validEnd, boolean damaged) {
    }

    static Read read(byte[] bytes) {
        List<byte[]> payloads = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            if (zerosFrom(bytes, at)) {
                return new Read(payloads, at, false);
            }
            if (bytes.length - at < HEADER) {
                return new Read(payloads, at, true);
            }
            ByteBuffer header = ByteBuffer.wrap(bytes, at, HEADER);
            int length = header.getInt();
            int crc = header.getInt();
            if (length <= 0 || length > MAX_PAYLOAD || length > bytes.length - at - HEADER
                    || crc(bytes, at + HEADER, length) != crc) {
                return new Read(payloads, at, true);
            }
            byte[] payload = new byte[length];
            System.arraycopy(bytes, at + HEADER, payload, 0, length);
            payloads.add(payload);
            at += HEADER + length;
        }
        return new Read(payloads, at, false);
    }

    /**
     * Whether a good frame starts anywhere after {@code damagedAt}. A crash only tears the end of the last write, so
     * good records after damage mean the damage is not a torn tail.
     */
    static boolean goodFrameAfter(byte[] bytes, int damagedAt) {
        for (int at = damagedAt + 1; at <= bytes.length - HEADER - 1; at++) {
            ByteBuffer header = ByteBuffer.wrap(bytes, at, HEADER);
            int length = header.getInt();
            if (length > 0 && length <= bytes.length - at - HEADER && crc(bytes, at + HEADER, length) == header.getInt()) {
                return true;
            }
        }
        return false;
    }

    /** Whether every byte from {@code from} on is zero: the filled end of a segment. */
    static boolean zerosFrom(byte[] bytes, int from) {
        for (int at = from; at < bytes.length; at++) {
            if (bytes[at] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
