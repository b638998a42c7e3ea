package dev.weft.runtime.config;

import dev.weft.runtime.key.KeyTemplate;
import java.time.Duration;

/**
 * One entry of {@code locks:}.
 *
 * @param maxWait      the longest wait for the lock ({@code wait:}; zero means try once). Not called {@code wait},
 *                     which a record cannot have: it would clash with {@link Object#wait()}
 * @param position     of the list item
 * @param keyPosition  of the {@code key:} value, for problems found when the template is resolved against a method
 * @param modePosition of the {@code mode:} value, or of the list item when {@code mode} is not written
 * @param onLost       what happens, besides reporting it, when the lease is lost while the method runs
 * @param replicas     how many replicas must have acknowledged a grant (Redis {@code WAIT}) before the method runs;
 *                     0 waits for none
 */
public record LockRule(
        MethodSelector selector,
        KeyTemplate key,
        Duration lease,
        Duration maxWait,
        OnBusy onBusy,
        LockMode mode,
        SourcePosition position,
        SourcePosition keyPosition,
        SourcePosition modePosition,
        OnLost onLost,
        int replicas) {
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

    /** With {@code onLost: log} and {@code replicas: 0}, the defaults. */
    public LockRule(MethodSelector selector, KeyTemplate key, Duration lease, Duration maxWait, OnBusy onBusy,
                    LockMode mode, SourcePosition position, SourcePosition keyPosition, SourcePosition modePosition) {
        this(selector, key, lease, maxWait, onBusy, mode, position, keyPosition, modePosition, OnLost.LOG, 0);
    }
}
