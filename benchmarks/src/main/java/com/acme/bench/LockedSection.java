package com.acme.bench;

/**
 * The application method that the Weft lock rows name in their weft.yaml; the agent weaves the lock around it.
 * The benchmarks' application classes live outside {@code dev.weft}, which the agent never weaves.
 */
public final class LockedSection {
    /** Empty on purpose: the rows measure taking and freeing the lock, not work done under it. */
    public void run(String key) {
    }
}
