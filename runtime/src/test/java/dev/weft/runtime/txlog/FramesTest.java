package dev.weft.runtime.txlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property tests of the log reader: whatever the bytes, it returns only records that were written, in order. */
class FramesTest {
    private static final long SEED = Long.getLong("weft.fuzz.seed", 4242L);

    @Test
    void everyRecordSurvivesEncodingFramingAndReading() {
        Random random = new Random(SEED);
        List<LogRecord> written = Records.random(random, 2000);
        Frames.Read read = Frames.read(log(written).bytes);
        assertFalse(read.damaged());
        assertEquals(written, decode(read));
    }

    @Test
    void randomBytesNeverYieldARecordAndNeverBreakTheReader() {
        Random random = new Random(SEED);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            if (round % 3 == 0 && bytes.length >= 4) {
                ByteBuffer.wrap(bytes).putInt(random.nextInt(Math.max(1, bytes.length))); // a plausible length
            }
            Frames.Read read = Frames.read(bytes);
            assertTrue(read.validEnd() <= bytes.length);
            assertEquals(read.payloads().size() == 0 ? 0 : read.validEnd(), framedLength(read.payloads()));
            assertEquals(!Frames.zerosFrom(bytes, read.validEnd()), read.damaged(), "round " + round);
            for (byte[] payload : read.payloads()) {
                try {
                    RecordCodec.decode(payload);
                } catch (IllegalArgumentException expected) {
                    // a checksum can be right by chance; decoding then refuses, never misreads
                }
            }
        }
    }

    @Test
    void aLogCutAtAnyByteReadsAsTheWholeRecordsBeforeTheCut() {
        Random random = new Random(SEED + 1);
        List<LogRecord> written = Records.random(random, 40);
        Log log = log(written);
        for (int cut = 0; cut <= log.bytes.length; cut++) {
            byte[] torn = java.util.Arrays.copyOf(log.bytes, cut);
            Frames.Read read = Frames.read(torn);
            int whole = log.recordsEndingBy(cut);
            assertEquals(written.subList(0, whole), decode(read), "cut at " + cut);
            assertEquals(log.ends.get(whole), read.validEnd());
            // a cut inside a length's leading zero bytes leaves only zeros: the end of the records, not damage
            assertEquals(!Frames.zerosFrom(torn, log.ends.get(whole)), read.damaged());
        }
    }

    @Test
    void aChangedByteAnywhereEndsTheLogBeforeTheChangedRecordAndNeverChangesARecord() {
        Random random = new Random(SEED + 2);
        List<LogRecord> written = Records.random(random, 30);
        Log log = log(written);
        for (int at = 0; at < log.bytes.length; at++) {
            byte[] damaged = log.bytes.clone();
            damaged[at] ^= (byte) (1 + random.nextInt(255));
            Frames.Read read = Frames.read(damaged);
            int hit = log.recordsEndingBy(at); // the record containing the changed byte
            assertEquals(written.subList(0, hit), decode(read), "byte " + at + " changed");
            assertTrue(read.damaged());
        }
    }

    @Test
    void damageFollowedByGoodFramesIsToldApartFromATornTail() {
        Random random = new Random(SEED + 3);
        List<LogRecord> written = Records.random(random, 30);
        Log log = log(written);
        for (int at = 0; at < log.ends.get(written.size() - 1); at++) {
            byte[] damaged = log.bytes.clone();
            damaged[at] ^= (byte) (1 + random.nextInt(255));
            assertTrue(Frames.goodFrameAfter(damaged, Frames.read(damaged).validEnd()), "byte " + at + " changed");
        }
        for (int round = 0; round < 1000; round++) {
            byte[] torn = java.util.Arrays.copyOf(log.bytes, log.bytes.length + 1 + random.nextInt(300));
            for (int i = log.bytes.length; i < torn.length; i++) {
                torn[i] = (byte) random.nextInt();
            }
            Frames.Read read = Frames.read(torn);
            assertEquals(written, decode(read));
            assertFalse(Frames.goodFrameAfter(torn, read.validEnd()), "round " + round);
        }
    }

    /** The zeros a segment is filled with ahead of its records, or that a file system leaves after a crash. */
    @Test
    void zerosAfterTheRecordsAreTheirEndNotRecordsNorDamage() {
        Random random = new Random(SEED + 4);
        List<LogRecord> written = Records.random(random, 30);
        byte[] records = log(written).bytes;
        byte[] filled = java.util.Arrays.copyOf(records, records.length + 4096);

        Frames.Read read = Frames.read(filled);

        assertEquals(written, decode(read));
        assertEquals(records.length, read.validEnd());
        assertFalse(read.damaged());
        assertEquals(0, Frames.read(new byte[4096]).payloads().size());
    }

    private static int framedLength(List<byte[]> payloads) {
        return payloads.stream().mapToInt(p -> Frames.HEADER + p.length).sum();
    }

    private static List<LogRecord> decode(Frames.Read read) {
        return read.payloads().stream().map(RecordCodec::decode).toList();
    }

    /** Frames of {@code records}, and the offset after each: {@code ends.get(i)} = end of the first i records. */
    private record Log(byte[] bytes, List<Integer> ends) {
        int recordsEndingBy(int offset) {
            int whole = 0;
            while (whole + 1 < ends.size() && ends.get(whole + 1) <= offset) {
                whole++;
            }
            return whole;
        }
    }

    private static Log log(List<LogRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> ends = new ArrayList<>(List.of(0));
        for (LogRecord record : records) {
            ByteBuffer frame = Frames.frame(RecordCodec.encode(record));
            out.write(frame.array(), 0, frame.limit());
            ends.add(out.size());
        }
        return new Log(out.toByteArray(), ends);
    }
}
