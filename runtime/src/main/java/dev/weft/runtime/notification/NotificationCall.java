package dev.weft.runtime.notification;

import java.time.Duration;
import java.util.List;

/**
 * One recorded call of a notification method, as the store keeps it: everything any instance needs to make it again.
 *
 * @param method    {@link MethodRef#text()} of the method called
 * @param arguments the arguments as a JSON array, each written as its declared parameter type
 * @param schedule  the rule's schedule when the call was made: a call keeps its schedule across restarts and config
 *                  changes
 */
public record NotificationCall(String id, String method, String arguments, List<Duration> schedule,
                               long createdMillis) {
    public NotificationCall {
        schedule = List.copyOf(schedule);
    }
}
