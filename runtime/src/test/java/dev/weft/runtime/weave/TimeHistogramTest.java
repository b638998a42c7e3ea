package dev.weft.runtime.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimeHistogramTest {
    @Test
    void everyValueFallsInABucketWhoseBoundIsAtMostAQuarterAboveIt() {
        for (long micros = 0; micros < 1 << 20; micros += 1 + micros / 97) {
            int bucket = TimeHistogram.bucket(micros);
            long bound = TimeHistogram.upperBound(bucket);
            assertTrue(bound >= micros, micros + " above the bound " + bound);
            assertTrue(bound <= micros + micros / 4, micros + " reported as " + bound);
            assertTrue(bucket == 0 || TimeHistogram.upperBound(bucket - 1) < micros, "buckets overlap at " + micros);
        }
        assertTrue(TimeHistogram.bucket(Long.MAX_VALUE) < 4 + 61 * 4);
    }

    @Test
    void percentilesOfAKnownDistribution() {
        TimeHistogram histogram = new TimeHistogram();
        for (int i = 1; i <= 100; i++) {
            histogram.record(i * 1_000_000L); // 1ms .. 100ms
        }
        Percentiles p = TimeHistogram.combined(List.of(histogram));
        assertEquals(100, p.count());
        assertBetween(50, 50 * 1.25, p.p50Millis());
        assertBetween(90, 90 * 1.25, p.p90Millis());
        assertBetween(99, 100, p.p99Millis());
        assertEquals(100.0, p.maxMillis());
    }

    @Test
    void histogramsCombine() {
        TimeHistogram fast = new TimeHistogram();
        TimeHistogram slow = new TimeHistogram();
        for (int i = 0; i < 98; i++) {
            fast.record(1_000);
        }
        slow.record(2_000_000_000L);
        slow.record(2_000_000_000L);
        Percentiles p = TimeHistogram.combined(List.of(fast, slow));
        assertEquals(100, p.count());
        assertEquals(0.001, p.p50Millis());
        assertBetween(2000, 2500, p.p99Millis());
        assertEquals(2000.0, p.maxMillis());
    }

    @Test
    void nothingRecordedIsAllZero() {
        assertEquals(new Percentiles(0, 0, 0, 0, 0), TimeHistogram.combined(List.of(new TimeHistogram())));
    }

    private static void assertBetween(double low, double high, double actual) {
        assertTrue(actual >= low && actual <= high, actual + " not in [" + low + ", " + high + "]");
    }
}
