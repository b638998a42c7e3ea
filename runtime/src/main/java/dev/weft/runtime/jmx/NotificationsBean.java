package dev.weft.runtime.jmx;

import dev.weft.runtime.notification.DeadLetter;
import dev.weft.runtime.notification.NotificationsView;
import java.util.List;

/** Reads {@link NotificationsView} for {@link NotificationsMXBean}. */
public final class NotificationsBean implements NotificationsMXBean {
    private final NotificationsView view;

    public NotificationsBean(NotificationsView view) {
        this.view = view;
    }

    @Override
    public long getPending() {
        return view.pending();
    }

    @Override
    public long getDead() {
        return view.dead();
    }

    @Override
    public long getRecorded() {
        return view.recorded();
    }

    @Override
    public long getSucceeded() {
        return view.succeeded();
    }

    @Override
    public long getRetried() {
        return view.retried();
    }

    @Override
    public long getDeadLettered() {
        return view.deadLettered();
    }

    @Override
    public List<DeadLetter> getDeadLetters() {
        return view.deadLetters();
    }

    @Override
    public boolean replay(String id) {
        return view.replay(id);
    }

    @Override
    public boolean discard(String id) {
        return view.discard(id);
    }
}
