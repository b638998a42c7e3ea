package dev.weft.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void everyValueFallsInABucketWhoseBoundIsAtMostAQuarterAboveIt() {
        for (long value = 0; value < 1 << 20; value += 1 + value / 97) {
            int index = Histogram.index(value);
            long bound = Histogram.upperBound(index);
            assertTrue(bound >= value && bound - value <= value / 4, value + " -> " + bound);
            assertTrue(index == 0 || Histogram.upperBound(index - 1) < value, "buckets overlap at " + value);
        }
        for (long value : new long[] {123_456_789, Long.MAX_VALUE}) {
            long bound = Histogram.upperBound(Histogram.index(value));
            assertTrue(bound >= value && bound - value <= value / 4, value + " -> " + bound);
        }
    }

    @Test
    void percentilesComeFromTheRecordedValues() {
        Histogram histogram = new Histogram();
        assertEquals(0, histogram.percentileNanos(99));
        for (int i = 1; i <= 100; i++) {
            histogram.record(i * 1_000_000L); // 1ms .. 100ms
        }
        assertEquals(100, histogram.count());
        assertBetween(50_000_000, 62_500_000, histogram.percentileNanos(50));
        assertBetween(90_000_000, 112_500_000, histogram.percentileNanos(90));
        assertBetween(99_000_000, 100_000_000, histogram.percentileNanos(99));
        assertEquals(100_000_000, histogram.maxNanos());
    }

    @Test
    void histogramsMerge() {
        Histogram fast = new Histogram();
        Histogram slow = new Histogram();
        for (int i = 0; i < 98; i++) {
            fast.record(1_000);
        }
        slow.record(2_000_000_000L);
        slow.record(2_000_000_000L);
        Histogram both = Histogram.merged(List.of(fast, slow));
        assertEquals(100, both.count());
        assertBetween(1_000, 1_250, both.percentileNanos(50));
        assertBetween(2_000_000_000L, 2_500_000_000L, both.percentileNanos(99));
        assertEquals(2_000_000_000L, both.maxNanos());
    }

    @Test
    void nothingRecordedIsAllZero() {
        Histogram none = Histogram.merged(List.of(new Histogram()));
        assertEquals(0, none.count());
        assertEquals(0, none.percentileNanos(50));
        assertEquals(0, none.maxNanos());
    }

    private static void assertBetween(long low, long high, long actual) {
        assertTrue(actual >= low && actual <= high, actual + " not in [" + low + ", " + high + "]");
    }
}
