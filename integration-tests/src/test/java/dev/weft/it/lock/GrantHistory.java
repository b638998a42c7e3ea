package dev.weft.it.lock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every grant of one key to every thread of every JVM ({@code com.acme.history.HistoryApp}'s records, on the
 * machine's one monotonic clock), and what it shows. Safety, over all grants: no two overlap, tokens grow with time.
 * Liveness, over the warm calls (those a JVM made once it had its first grant: SPEC section 4 counts a cold JVM's
 * wait from when its first connection is made): how long callers waited; how long the key sat free while a caller
 * wanted it (a stall, whatever its cause: a lost notice, a late subscription); how many later callers went first
 * (local hand-offs allow a bounded number, see docs/locks.md); and which calls outlived their deadline.
 */
public final class GrantHistory {
    /** docs/locks.md: a grant from Redis is handed to at most 64 more threads of its JVM before it goes back. */
    private static final int GRANTS_PER_TURN = 1 + 64;

    private record Grant(int jvm, long called, long start, long end, long token) {
        long waited() {
            return start - called;
        }
    }

    private final List<Grant> grants;
    private final List<Grant> warm;

    private GrantHistory(List<Grant> grants) {
        this.grants = grants.stream().sorted(Comparator.comparingLong(Grant::start)).toList();
        Map<Integer, Long> firstGrant = new HashMap<>();
        for (Grant grant : this.grants) {
            firstGrant.putIfAbsent(grant.jvm, grant.start);
        }
        this.warm = this.grants.stream().filter(grant -> grant.called >= firstGrant.get(grant.jvm)).toList();
    }

    /** One file per JVM, each line {@code called start end token}. */
    public static GrantHistory read(List<Path> files) {
        List<Grant> grants = new ArrayList<>();
        for (int jvm = 0; jvm < files.size(); jvm++) {
            try {
                for (String line : Files.readAllLines(files.get(jvm))) {
                    String[] f = line.split(" ");
                    grants.add(new Grant(jvm, Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
                            Long.parseLong(f[3])));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new GrantHistory(grants);
    }

    public int size() {
        return grants.size();
    }

    public long overlaps() {
        long overlaps = 0;
        long lastEnd = Long.MIN_VALUE;
        for (Grant grant : grants) {
            if (grant.start < lastEnd) {
                overlaps++;
            }
            lastEnd = Math.max(lastEnd, grant.end);
        }
        return overlaps;
    }

    public long tokenInversions() {
        long inversions = 0;
        for (int i = 1; i < grants.size(); i++) {
            if (grants.get(i).token <= grants.get(i - 1).token) {
                inversions++;
            }
        }
        return inversions;
    }

    public Duration maxWait() {
        return Duration.ofNanos(warm.stream().mapToLong(Grant::waited).max().orElse(0));
    }

    public Duration waitPercentile(double percentile) {
        long[] waits = warm.stream().mapToLong(Grant::waited).sorted().toArray();
        return waits.length == 0 ? Duration.ZERO
                : Duration.ofNanos(waits[(int) Math.min(waits.length - 1, Math.ceil(percentile / 100 * waits.length))]);
    }

    /**
     * The longest stretch in which the key was free while a warm caller that had called already was without it. A
     * hand-off costs one Redis round trip and a thread's wake-up; anything much longer is a stall.
     */
    Duration maxIdleWhileWanted() {
        return Duration.ofNanos(Arrays.stream(idlesWhileWanted()).max().orElse(0));
    }

    long idlesWhileWantedOver(Duration limit) {
        return Arrays.stream(idlesWhileWanted()).filter(idle -> idle > limit.toNanos()).count();
    }

    /**
     * For each warm caller, the warm grants that went to callers who called after it, while it waited; the most of
     * any caller. Counts pairs whose call order and grant order disagree.
     */
    public long maxOvertakes() {
        long[] calledOrder = warm.stream().mapToLong(Grant::called).sorted().toArray();
        int[] laterCallersGranted = new int[calledOrder.length + 1]; // a Fenwick tree over call ranks
        long most = 0;
        for (int i = 0; i < warm.size(); i++) {
            int rank = Arrays.binarySearch(calledOrder, warm.get(i).called) + 1;
            long grantedBefore = i - prefixCount(laterCallersGranted, rank);
            most = Math.max(most, grantedBefore);
            for (int r = rank; r < laterCallersGranted.length; r += r & -r) {
                laterCallersGranted[r]++;
            }
        }
        return most;
    }

    /**
     * Single mode's fairness bound (RedLock's is best effort across JVMs, docs/redlock.md), in grants, not time: a
     * caller's own JVM serves its threads in arrival order, and each turn of the Redis queue gives every other JVM at
     * most one grant and its local hand-offs. A caller with at most {@code threads - 1} ahead of it in its JVM is
     * served within {@code threads} turns, so at most {@code threads x (jvms - 1) x GRANTS_PER_TURN} later callers
     * can go first ({@link #maxOvertakes()}). A starved JVM breaks that bound whatever the machine's speed.
     */
    public static long overtakesAllowed(int jvms, int threads) {
        return (long) threads * (jvms - 1) * GRANTS_PER_TURN;
    }

    /** Warm grants that came later than {@code deadline} after their call. */
    public long pastDeadline(Duration deadline) {
        return warm.stream().filter(grant -> grant.waited() > deadline.toNanos()).count();
    }

    public String summary() {
        return String.format(Locale.ROOT, "%d grants, %d overlapping, %d token inversions; warm calls: wait max %.1f ms, p99.9 "
                        + "%.1f ms; key free while wanted: max %.1f ms, %d times over 100 ms; most grants to later "
                        + "callers while one waited: %d", size(), overlaps(), tokenInversions(), millis(maxWait()),
                millis(waitPercentile(99.9)), millis(maxIdleWhileWanted()),
                idlesWhileWantedOver(Duration.ofMillis(100)), maxOvertakes());
    }

    /**
     * Before each grant, how long the key had been free while its earliest waiting warm caller had called already.
     */
    private long[] idlesWhileWanted() {
        int n = grants.size();
        Set<Grant> warmGrants = new HashSet<>(warm);
        long[] earliestCallFrom = new long[n + 1];
        earliestCallFrom[n] = Long.MAX_VALUE;
        for (int i = n - 1; i >= 0; i--) {
            Grant grant = grants.get(i);
            long called = warmGrants.contains(grant) ? grant.called : Long.MAX_VALUE;
            earliestCallFrom[i] = Math.min(earliestCallFrom[i + 1], called);
        }
        long[] idles = new long[n];
        long freeSince = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            Grant grant = grants.get(i);
            long wantedSince = Math.max(freeSince, earliestCallFrom[i]);
            idles[i] = Math.max(0, grant.start - wantedSince);
            freeSince = Math.max(freeSince, grant.end);
        }
        return idles;
    }

    private static int prefixCount(int[] tree, int rank) {
        int count = 0;
        for (int r = rank; r > 0; r -= r & -r) {
            count += tree[r];
        }
        return count;
    }

    private static double millis(Duration duration) {
        return duration.toNanos() / 1e6;
    }
}
