package dev.weft.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void smallValuesAreExactAndLargeOnesWithinOnePercent() {
        for (long value : new long[] {0, 1, 127, 128, 129, 255, 256, 1_000, 123_456, 9_876_543_210L, Long.MAX_VALUE}) {
            long bound = Histogram.lowerBound(Histogram.index(value));
            assertTrue(bound <= value, value + " -> " + bound);
            assertTrue(value - bound <= Math.max(0, value / 128), value + " -> " + bound);
            if (value < 128) {
                assertEquals(value, bound);
            }
        }
    }

    @Test
    void percentilesAreOverEveryRecordedValue() {
        Histogram histogram = new Histogram();
        for (long micros = 1; micros <= 100; micros++) {
            histogram.record(micros * 1_000);
        }
        assertEquals(100, histogram.count());
        assertWithinOnePercent(50_000, histogram.percentile(0.50));
        assertWithinOnePercent(99_000, histogram.percentile(0.99));
        assertWithinOnePercent(1_000, histogram.percentile(0.0));
    }

    @Test
    void workerJvmsHistogramsMergeThroughTheirText() {
        Histogram first = new Histogram();
        Histogram second = new Histogram();
        first.record(100);
        first.record(5_000_000);
        second.record(100);
        Histogram merged = Histogram.decode(first.encode());
        merged.add(Histogram.decode(second.encode()));
        assertEquals(3, merged.count());
        assertEquals(100, merged.percentile(0.5));
        assertEquals(0, Histogram.decode(new Histogram().encode()).count());
    }

    private static void assertWithinOnePercent(long expected, long actual) {
        assertTrue(Math.abs(expected - actual) <= expected / 100, "expected about " + expected + ", got " + actual);
    }
}
