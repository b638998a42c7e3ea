package dev.weft.bench;

/**
 * The agent refused, at start-up, a feature this build does not have yet (RedLock, TCC): the row is reported as
 * not available, and lights up by itself in a build that has it. Any other refusal is a broken benchmark.
 */
public final class NotInThisBuild extends Exception {
    public NotInThisBuild(String reason) {
        super(reason, null, false, false);
    }
}
