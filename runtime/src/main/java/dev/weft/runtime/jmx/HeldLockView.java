package dev.weft.runtime.jmx;

/**
 * A lock this JVM holds (a row of {@code Locks.HeldLocks}).
 *
 * @param key             the rendered key, without the Redis prefix
 * @param holderThread    the name of the thread that took it
 * @param token           its fencing token
 * @param leaseLeftMillis until the lease runs out unless renewed; renewals normally keep it well above zero
 * @param lost            the lock was found gone while held; the token is stale
 */
public record HeldLockView(String key, String holderThread, long token, long heldForMillis, long leaseLeftMillis,
                           boolean lost) {
}
