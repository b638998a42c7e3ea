package dev.weft.runtime.lock;

/**
 * A lock this JVM holds, as operators see it (JMX, {@code weft status}).
 *
 * @param key             the rendered key, without the Redis prefix
 * @param holderThread    the name of the thread running the locked method
 * @param token           its fencing token
 * @param heldForMillis   since the grant to this thread
 * @param leaseLeftMillis until the lease surely runs out unless renewed, by this JVM's clock; negative once passed
 * @param lost            true once the lease was found lost: the token is stale
 */
public record HeldLockInfo(String key, String holderThread, long token, long heldForMillis, long leaseLeftMillis,
                           boolean lost) {
}
