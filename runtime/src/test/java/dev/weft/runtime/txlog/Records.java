package dev.weft.runtime.txlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random but valid records, for property tests. */
final class Records {
    private Records() {
    }

    static final ParticipantId DEBIT = new ParticipantId("com.acme.Accounts", "debit", "(Ljava/lang/String;J)V",
            "confirmDebit", "cancelDebit");

    static List<LogRecord> random(Random random, int count) {
        List<LogRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(random(random));
        }
        return records;
    }

    static LogRecord random(Random random) {
        String xid = "x" + random.nextInt(50);
        return switch (random.nextInt(10)) {
            case 0 -> new LogRecord.Begin(xid, random.nextLong(), random.nextLong(), text(random));
            case 1 -> new LogRecord.Branch(xid, random.nextInt(), new ParticipantId(text(random), text(random),
                    text(random), text(random), text(random)), text(random));
            case 2 -> new LogRecord.Decision(xid, random.nextBoolean());
            case 3 -> new LogRecord.BranchDone(xid, random.nextInt());
            case 4 -> new LogRecord.Failed(xid, text(random));
            case 5 -> new LogRecord.End(xid);
            case 6 -> new LogRecord.TryFailed(xid, random.nextInt());
            case 7 -> new LogRecord.Notification(xid, text(random), random.nextLong(), random.nextInt(),
                    random.nextLong(), text(random), random.nextLong());
            case 8 -> new LogRecord.NotificationGone(xid);
            default -> new LogRecord.Checkpoint();
        };
    }

    /** Includes characters outside ASCII and the BMP, which must survive as UTF-8. */
    private static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(random.nextInt(10) == 0 ? 3000 : 20);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(4)) {
                case 0 -> text.append('é');
                case 1 -> text.appendCodePoint(0x1F600);
                default -> text.append((char) ('a' + random.nextInt(26)));
            }
        }
        return text.toString();
    }
}
