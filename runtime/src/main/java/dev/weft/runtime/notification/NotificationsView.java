package dev.weft.runtime.notification;

import java.util.List;

/** What operators see of notifications and may do (JMX {@code dev.weft:type=Notifications}); no JMX types. */
public interface NotificationsView {
    /** Calls recorded and not yet settled, in the whole store (every instance's). */
    long pending();

    /** Dead letters in the whole store. */
    long dead();

    /** Calls recorded by this process. */
    long recorded();

    /** Attempts by this process that succeeded, first calls and retries. */
    long succeeded();

    /** Retries this process made. */
    long retried();

    /** Calls this process dead-lettered. */
    long deadLettered();

    List<DeadLetter> deadLetters();

    /** Makes the dead letter due now, its schedule started again; {@code false} when there is none with that id. */
    boolean replay(String id);

    /** Forgets the dead letter; {@code false} when there is none with that id. */
    boolean discard(String id);
}
