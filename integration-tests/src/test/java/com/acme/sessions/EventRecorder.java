package com.acme.sessions;

import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Collections;
import java.util.TreeSet;

/**
 * A session listener registered with the container as any application does ({@code jakarta.servlet}): records every
 * event in the {@link EventLog}, under the session's id. It throws after recording a change of {@code failing}, which
 * the container (or Weft) logs before going on.
 */
public final class EventRecorder implements HttpSessionListener, HttpSessionAttributeListener, HttpSessionIdListener {
    @Override
    public void sessionCreated(HttpSessionEvent event) {
        EventLog.record(event.getSession().getId(), "created");
    }

    /** With the names of the attributes still there: the session is told before they go. */
    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        EventLog.record(event.getSession().getId(), "destroyed "
                + new TreeSet<>(Collections.list(event.getSession().getAttributeNames())));
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        EventLog.record(event.getSession().getId(), "idChanged");
        EventLog.record(oldSessionId, "idChangedAway");
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        record("added", event);
    }

    /** The event's value is the value replaced. */
    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        record("replaced", event);
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent event) {
        record("removed", event);
    }

    private static void record(String what, HttpSessionBindingEvent event) {
        EventLog.record(event.getSession().getId(), what + " " + event.getName() + "=" + event.getValue());
        if (event.getName().equals("failing")) {
            throw new IllegalStateException("a listener that fails");
        }
    }
}
