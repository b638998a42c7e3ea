package com.acme.sessions;

import java.util.Collections;
import java.util.TreeSet;
import javax.servlet.http.HttpSessionAttributeListener;
import javax.servlet.http.HttpSessionBindingEvent;
import javax.servlet.http.HttpSessionEvent;
import javax.servlet.http.HttpSessionListener;

/** {@link EventRecorder} for {@code javax.servlet}. */
public final class JavaxEventRecorder implements HttpSessionListener, HttpSessionAttributeListener {
    @Override
    public void sessionCreated(HttpSessionEvent event) {
        EventLog.record(event.getSession().getId(), "created");
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        EventLog.record(event.getSession().getId(), "destroyed "
                + new TreeSet<>(Collections.list(event.getSession().getAttributeNames())));
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        record("added", event);
    }

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
    }
}
