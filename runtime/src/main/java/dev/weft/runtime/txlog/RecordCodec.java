package dev.weft.runtime.txlog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The payload of one record: a type byte, then its fields. Strings are a length and UTF-8 bytes, so argument JSON of
 * any size fits. Framing (length and checksum) is {@link Frames}' job.
 */
final class RecordCodec {
    private static final byte BEGIN = 1;
    private static final byte BRANCH = 2;
    private static final byte DECISION = 3;
    private static final byte BRANCH_DONE = 4;
    private static final byte FAILED = 5;
    private static final byte END = 6;
    private static final byte CHECKPOINT = 7;
    private static final byte TRY_FAILED = 8;
    /** Far from the transaction records' numbers, which other record kinds may take next. */
    private static final byte NOTIFICATION = 32;
    private static final byte NOTIFICATION_GONE = 33;

    private RecordCodec() {
    }

    static byte[] encode(LogRecord record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (record instanceof LogRecord.Begin begin) {
                out.writeByte(BEGIN);
                writeString(out, begin.xid());
                out.writeLong(begin.startedAt());
                out.writeLong(begin.deadline());
                writeString(out, begin.origin());
            } else if (record instanceof LogRecord.Branch branch) {
                out.writeByte(BRANCH);
                writeString(out, branch.xid());
                out.writeInt(branch.branchId());
                ParticipantId participant = branch.participant();
                writeString(out, participant.className());
                writeString(out, participant.tryMethod());
                writeString(out, participant.descriptor());
                writeString(out, participant.confirm());
                writeString(out, participant.cancel());
                writeString(out, branch.arguments());
            } else if (record instanceof LogRecord.Decision decision) {
                out.writeByte(DECISION);
                writeString(out, decision.xid());
                out.writeBoolean(decision.commit());
            } else if (record instanceof LogRecord.BranchDone done) {
                out.writeByte(BRANCH_DONE);
                writeString(out, done.xid());
                out.writeInt(done.branchId());
            } else if (record instanceof LogRecord.TryFailed tryFailed) {
                out.writeByte(TRY_FAILED);
                writeString(out, tryFailed.xid());
                out.writeInt(tryFailed.branchId());
            } else if (record instanceof LogRecord.Failed failed) {
                out.writeByte(FAILED);
                writeString(out, failed.xid());
                writeString(out, failed.reason());
            } else if (record instanceof LogRecord.End end) {
                out.writeByte(END);
                writeString(out, end.xid());
            } else if (record instanceof LogRecord.Notification notification) {
                out.writeByte(NOTIFICATION);
                writeString(out, notification.id());
                writeString(out, notification.call());
                out.writeLong(notification.dueMillis());
                out.writeInt(notification.attempts());
                out.writeLong(notification.leaseMillis());
                writeString(out, notification.lastError());
                out.writeLong(notification.deadMillis());
            } else if (record instanceof LogRecord.NotificationGone gone) {
                out.writeByte(NOTIFICATION_GONE);
                writeString(out, gone.id());
            } else {
                out.writeByte(CHECKPOINT);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalArgumentException when the payload is not a record this version writes. Its checksum was right,
     *     so this is not damage: it was written by another (newer) version of Weft.
     */
    static LogRecord decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            byte type = in.readByte();
            LogRecord record = switch (type) {
                case BEGIN -> new LogRecord.Begin(readString(in), in.readLong(), in.readLong(), readString(in));
                case BRANCH -> new LogRecord.Branch(readString(in), in.readInt(), new ParticipantId(readString(in),
                        readString(in), readString(in), readString(in), readString(in)), readString(in));
                case DECISION -> new LogRecord.Decision(readString(in), in.readBoolean());
                case BRANCH_DONE -> new LogRecord.BranchDone(readString(in), in.readInt());
                case TRY_FAILED -> new LogRecord.TryFailed(readString(in), in.readInt());
                case FAILED -> new LogRecord.Failed(readString(in), readString(in));
                case END -> new LogRecord.End(readString(in));
                case CHECKPOINT -> new LogRecord.Checkpoint();
                case NOTIFICATION -> new LogRecord.Notification(readString(in), readString(in), in.readLong(),
                        in.readInt(), in.readLong(), readString(in), in.readLong());
                case NOTIFICATION_GONE -> new LogRecord.NotificationGone(readString(in));
                default -> throw new IllegalArgumentException("unknown record type " + type);
            };
            if (in.available() > 0) {
                throw new IllegalArgumentException(in.available() + " unexpected bytes after a record of type " + type);
            }
            return record;
        } catch (EOFException e) {
            throw new IllegalArgumentException("a record ends before its last field", e);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IllegalArgumentException("a string of " + length + " bytes in a record of fewer");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
