package com.acme.sessions;

import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.io.Serializable;

/** An attribute value told when it is put in a session and taken out: records it in the {@link EventLog}. */
public record BoundValue(String text) implements HttpSessionBindingListener, Serializable {
    @Override
    public void valueBound(HttpSessionBindingEvent event) {
        EventLog.record(event.getSession().getId(), text + " bound");
    }

    @Override
    public void valueUnbound(HttpSessionBindingEvent event) {
        EventLog.record(event.getSession().getId(), text + " unbound");
    }
}
