package dev.weft.runtime.txlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notification records in a segment log (docs/notifications.md, "Stores"): only each call's last state is re-stated
 * by the snapshot a new segment starts with, and forgotten calls are not, so the log stays bounded by its pending calls.
 */
class NotificationRecordsTest {
    @TempDir
    Path dir;

    @Test
    void aNewSegmentReStatesTheLastStateOfEachCallNotYetForgotten() throws IOException {
        try (SegmentLog log = SegmentLog.open(dir, 1024, FileChannel::open)) {
            for (int i = 0; i < 200; i++) {
                log.append(state("kept", i, 0));
                log.append(state("done-" + i, 1, 0));
                log.appendDurably(new LogRecord.NotificationGone("done-" + i));
            }
            log.appendDurably(state("dead", 4, 1_700_000_000_000L));
        }
        try (SegmentLog log = SegmentLog.open(dir)) {
            assertEquals(List.of(state("kept", 199, 0), state("dead", 4, 1_700_000_000_000L)),
                    log.recoveredNotifications());
            assertEquals(List.of(), log.recovered(), "no transaction came of them");
            assertTrue(Segment.number(Segment.list(dir.toAbsolutePath()).get(0)) > 10, "it did roll over");
        }
    }

    private static LogRecord.Notification state(String id, int attempts, long deadMillis) {
        return new LogRecord.Notification(id, "{\"id\":\"" + id + "\"}", 1000L * attempts, attempts, 200, "503",
                deadMillis);
    }
}
