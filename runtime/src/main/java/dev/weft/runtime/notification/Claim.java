package dev.weft.runtime.notification;

/**
 * A call this instance holds for one attempt, claimed from the store.
 *
 * @param attempt   which attempt this is, from 1 (the caller's own call)
 * @param token     proves the hold: settling with another attempt's token changes nothing
 * @param lastError what the previous attempt failed with; empty when none did
 */
public record Claim(NotificationCall call, int attempt, String token, String lastError) {
}
