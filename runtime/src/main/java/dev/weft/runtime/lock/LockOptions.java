package dev.weft.runtime.lock;

import dev.weft.runtime.config.LockMode;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.OnLost;
import java.time.Duration;
import java.util.Objects;

/**
 * How one locked method takes its lock.
 *
 * @param lease       how long the lock outlives a holder that stops renewing it (a crash); renewed while held
 * @param maxWait     longest wait for a busy lock ({@code wait:} in weft.yaml; a record component cannot be named
 *                    {@code wait}, which {@link Object} has); zero = try once
 * @param onBusy      what to do when the lock stays busy for the whole wait
 * @param onLost      what to do, besides reporting it, when the lease is lost while the method runs
 * @param mode        one Redis, or RedLock over {@code redis.nodes}
 * @param replicas    how many replicas must acknowledge a grant (Redis {@code WAIT}) before the method runs; 0 = none
 * @param description what the lock protects, for messages (e.g. the method selector); may be null
 * @param keepsToken  whether a released lock's record (its last fencing token) is kept, so that the next grant's token
 *                    is higher (every lock of weft.yaml); false for Weft's own short-lived locks, one per transaction,
 *                    whose tokens nobody reads: their record is deleted at release instead of lingering for a day
 */
public record LockOptions(Duration lease, Duration maxWait, OnBusy onBusy, OnLost onLost, LockMode mode,
                          int replicas, String description, boolean keepsToken) {
    public LockOptions {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(onBusy, "onBusy");
        Objects.requireNonNull(onLost, "onLost");
        Objects.requireNonNull(mode, "mode");
        if (lease.toMillis() < 1) {
            throw new IllegalArgumentException("lease must be at least 1ms, not " + lease);
        }
        if (replicas < 0 || replicas > 0 && mode != LockMode.SINGLE) {
            throw new IllegalArgumentException("replicas must be 0, or positive with mode: single, not " + replicas);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("wait must not be negative, not " + maxWait);
        }
    }

    /** No wait for replicas. */
    public LockOptions(Duration lease, Duration maxWait, OnBusy onBusy, OnLost onLost, LockMode mode,
                       String description, boolean keepsToken) {
        this(lease, maxWait, onBusy, onLost, mode, 0, description, keepsToken);
    }

    /** A lock of weft.yaml that waits for no replica: its fencing tokens increase across releases. */
    public LockOptions(Duration lease, Duration maxWait, OnBusy onBusy, OnLost onLost, LockMode mode,
                       String description) {
        this(lease, maxWait, onBusy, onLost, mode, description, true);
    }

    /** {@code mode: single}, and a lost lease is only reported. */
    public LockOptions(Duration lease, Duration maxWait, OnBusy onBusy, String description) {
        this(lease, maxWait, onBusy, OnLost.LOG, LockMode.SINGLE, description);
    }

    /** {@code "sku:1" (com.acme.InventoryService#reserve(String, int))}, for messages. */
    String describe(String key) {
        return '"' + key + '"' + (description == null ? "" : " (" + description + ")");
    }
}
