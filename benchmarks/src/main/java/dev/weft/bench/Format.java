package dev.weft.bench;

import java.util.Locale;

/** Numbers as the tables print them. */
public final class Format {
    private Format() {
    }

    public static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    /** Nanoseconds as ns, µs or ms, three significant digits or so. */
    public static String latency(long nanos) {
        if (nanos < 10_000) {
            return nanos + " ns";
        }
        if (nanos < 10_000_000) {
            return String.format(Locale.ROOT, "%.0f µs", nanos / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    public static String millis(double nanos) {
        return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
    }

    public static String signedMillis(double nanos) {
        return String.format(Locale.ROOT, "%+.0f ms", nanos / 1e6);
    }

    public static String mebibytes(double kibibytes) {
        return String.format(Locale.ROOT, "%.0f MiB", kibibytes / 1024);
    }

    public static String signedMebibytes(double kibibytes) {
        return String.format(Locale.ROOT, "%+.0f MiB", kibibytes / 1024);
    }

    /** {@code value / peer}; empty when the peer is 0 (nothing to compare with). */
    public static String ratio(double value, double peer) {
        return peer == 0 ? "" : String.format(Locale.ROOT, "%.2fx", value / peer);
    }

    public static String nanosPerOp(double nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos);
    }
}
