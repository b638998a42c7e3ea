package dev.weft.runtime.notification;

import dev.weft.runtime.config.ConfigSection;
import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SectionReader;
import dev.weft.runtime.key.KeyTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reads {@code notifications:}, a list of rules at the top level (docs/notifications.md). */
public final class NotificationsSection implements ConfigSection<NotificationSettings> {
    /** Enough for WeChat Pay's fifteen steps and more; a longer list is more likely a mistake than a plan. */
    static final int MOST_STEPS = 50;

    @Override
    public String key() {
        return "notifications";
    }

    @Override
    public boolean isList() {
        return true;
    }

    @Override
    public List<String> keys() {
        return List.of("method", "id", "schedule");
    }

    @Override
    public NotificationSettings defaults() {
        return NotificationSettings.none();
    }

    @Override
    public NotificationSettings read(SectionReader top) {
        return new NotificationSettings(top.entries(key(), "each entry of notifications", "in a notification rule",
                keys()).stream().flatMap(entry -> rule(entry).stream()).toList());
    }

    private static Optional<NotificationRule> rule(SectionReader entry) {
        Optional<MethodSelector> method = entry.required("method", SectionReader.selector(), "add the void method"
                + " that makes the outbound call, e.g. method: com.acme.MerchantClient#notifyPaid(String, long)");
        Optional<KeyTemplate> id = entry.required("id", KeyTemplate::parse, "add the id each call is known by,"
                + " rendered from its arguments like a lock key, e.g. id: \"paid-{0}\" (receivers deduplicate on it)");
        Optional<List<Duration>> schedule = entry.list("schedule", SectionReader.positiveDuration());
        if (schedule.isEmpty()) {
            entry.problem(entry.position(), "missing 'schedule' in a notification rule; add the pauses between"
                    + " attempts, the first one after the first failure, e.g. schedule: [15s, 15s, 30s, 3m, 10m]");
        } else if (schedule.get().isEmpty() || schedule.get().size() > MOST_STEPS) {
            entry.problem(entry.valuePosition("schedule"), "schedule: list from 1 to " + MOST_STEPS + " pauses,"
                    + " e.g. schedule: [15s, 15s, 30s, 3m, 10m]; after the last one the call is dead-lettered");
        }
        if (method.isEmpty() || id.isEmpty() || schedule.isEmpty() || schedule.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NotificationRule(method.get(), id.get(), schedule.get(), entry.position()));
    }
}
