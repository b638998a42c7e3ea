package dev.weft.runtime.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.runtime.config.ConfigException;
import dev.weft.runtime.config.ConfigLoader;
import dev.weft.runtime.weave.Described;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code notifications:} as users write it; each mistake at its line and column with what to write instead. */
class NotificationsSectionTest {
    private static final NotificationsSection SECTION = new NotificationsSection();

    @TempDir
    Path dir;

    @Test
    void aRuleIsReadWithItsSchedule() throws Exception {
        NotificationRule rule = load("""
                notifications:
                  - method: com.acme.MerchantClient#notifyPaid(String, long)
                    id: "paid-{0}"
                    schedule: [15s, 15s, 30s, 3m]
                """).rules().get(0);
        assertEquals("com.acme.MerchantClient#notifyPaid(String, long)", rule.method().text());
        assertEquals("paid-{0}", rule.id().text());
        assertEquals(List.of(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(30),
                Duration.ofMinutes(3)), rule.schedule());
    }

    @Test
    void noSectionMeansNoRules() throws Exception {
        assertEquals(NotificationSettings.none(), load("jmx: {enabled: true}\n"));
    }

    @Test
    void missingAndMalformedValuesAreProblemsAtTheirPlace() {
        assertEquals(List.of(
                "2:5: missing 'id' in a notification rule; add the id each call is known by, rendered from its"
                        + " arguments like a lock key, e.g. id: \"paid-{0}\" (receivers deduplicate on it)",
                "3:20: schedule: '-5s' is not a duration; write 250ms, 10s, 5m, 1h or a whole number of milliseconds",
                "4:5: missing 'schedule' in a notification rule; add the pauses between attempts, the first one after"
                        + " the first failure, e.g. schedule: [15s, 15s, 30s, 3m, 10m]",
                "6:5: unknown key 'shedule' in a notification rule; did you mean 'schedule'? Allowed: method, id, schedule",
                "9:15: schedule: list from 1 to 50 pauses, e.g. schedule: [15s, 15s, 30s, 3m, 10m]; after the last one"
                        + " the call is dead-lettered"),
                problems("""
                        notifications:
                          - method: com.acme.Client#a(..)
                            schedule: [1s, -5s]
                          - method: com.acme.Client#b(..)
                            id: "b-{0}"
                            shedule: [1s]
                          - method: com.acme.Client#c(..)
                            id: "c-{0}"
                            schedule: []
                        """));
    }

    @Test
    void onlyVoidMethodsWithWhatTheIdReadsCanBeNotifications() throws Exception {
        NotificationRuleCheck check = new NotificationRuleCheck(load("""
                notifications:
                  - method: dev.weft.runtime.notification.NotificationsSectionTest$Client#*(..)
                    id: "paid-{0}"
                    schedule: [1s]
                """).rules().get(0));
        assertEquals(Optional.empty(), check.problemWith(Described.method(
                Client.class.getDeclaredMethod("notifyPaid", String.class))));
        assertEquals(Optional.of("dev.weft.runtime.notification.NotificationsSectionTest$Client#answer returns"
                        + " boolean, but a notification method must return void: a failed call returns normally to its"
                        + " caller and is retried later, so there is no value to return; make it void or remove it"
                        + " from notifications"),
                check.problemWith(Described.method(Client.class.getDeclaredMethod("answer", String.class))));
        assertEquals(true, check.problemWith(Described.method(Client.class.getDeclaredMethod("none")))
                .orElseThrow().contains("{0}"), "the id names an argument the method does not have");
    }

    static class Client {
        void notifyPaid(String order) {
        }

        boolean answer(String order) {
            return true;
        }

        void none() {
        }
    }

    private NotificationSettings load(String yaml) throws ConfigException, IOException {
        return ConfigLoader.load(Files.writeString(dir.resolve("weft.yaml"), yaml), Map.of(), List.of(SECTION))
                .section(SECTION);
    }

    private List<String> problems(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        return e.problems().stream()
                .map(p -> p.position().line() + ":" + p.position().column() + ": " + p.message())
                .toList();
    }
}
