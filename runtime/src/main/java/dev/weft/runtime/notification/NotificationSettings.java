package dev.weft.runtime.notification;

import java.util.List;

/** The {@code notifications:} section: its rules, none when the section is absent. */
public record NotificationSettings(List<NotificationRule> rules) {
    public NotificationSettings {
        rules = List.copyOf(rules);
    }

    public static NotificationSettings none() {
        return new NotificationSettings(List.of());
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }
}
