package dev.weft.runtime.notification;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.key.KeyTemplate;
import java.time.Duration;
import java.util.List;

/**
 * A {@code notifications:} entry (docs/notifications.md): each call of a matched {@code void} method is recorded, run,
 * and retried on {@code schedule} until it returns normally, then dead-lettered.
 *
 * @param id       renders each call's id from its arguments, like a lock key: the record's key and the
 *                 {@code Weft-Idempotency-Key} header
 * @param schedule the pause after the first failure, after the second, ...: one more attempt than entries
 */
public record NotificationRule(MethodSelector method, KeyTemplate id, List<Duration> schedule,
                               SourcePosition position) {
    public NotificationRule {
        schedule = List.copyOf(schedule);
    }
}
