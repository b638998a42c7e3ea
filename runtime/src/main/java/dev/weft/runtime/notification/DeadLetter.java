package dev.weft.runtime.notification;

/** A call whose schedule ran out: kept, with its arguments, until an operator replays or discards it. */
public record DeadLetter(String id, String method, int attempts, long deadAtMillis, String lastError) {
}
