package com.acme.sessions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the session listeners of this instance heard, by session id: what {@code /events?id=} answers. */
public final class EventLog {
    private static final Map<String, List<String>> BY_SESSION = new ConcurrentHashMap<>();

    private EventLog() {
    }

    public static void record(String sessionId, String event) {
        List<String> events = BY_SESSION.computeIfAbsent(sessionId, id -> new ArrayList<>());
        synchronized (events) {
            events.add(event);
        }
    }

    /** The events of one session, as {@code [created, added count=1]}. */
    public static String of(String sessionId) {
        List<String> events = BY_SESSION.getOrDefault(sessionId, List.of());
        synchronized (events) {
            return String.valueOf(events);
        }
    }
}
