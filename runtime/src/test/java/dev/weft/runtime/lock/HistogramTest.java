package dev.weft.runtime.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void bucketsCoverEveryValueInOrderWithinAQuarter() {
        long previous = -1;
        for (long value : new long[] {0, 1, 3, 4, 5, 7, 8, 9, 1000, 123_456_789, Long.MAX_VALUE}) {
            long bound = Histogram.upperBound(Histogram.index(value));
            assertTrue(bound >= value && bound - value <= value / 4, value + " -> " + bound);
            assertTrue(bound >= previous);
            previous = bound;
        }
    }

    @Test
    void percentilesComeFromTheRecordedValues() {
        Histogram histogram = new Histogram();
        assertEquals(0, histogram.percentileNanos(99));
        for (int i = 1; i <= 100; i++) {
            histogram.record(i * 1000L);
        }
        assertEquals(100, histogram.count());
        long p50 = histogram.percentileNanos(50);
        long p99 = histogram.percentileNanos(99);
        assertTrue(p50 >= 50_000 && p50 <= 62_500, "p50 " + p50);
        assertTrue(p99 >= 99_000 && p99 <= 123_750, "p99 " + p99);
    }
}
