package dev.weft.runtime.session;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * The sessions of one request while it is served: the one its cookie names, read from Redis at the first call that
 * needs it, and any it creates. Its {@code HttpSession} objects are {@link Proxy} instances of the application's own
 * interface ({@link SessionHandle}), so nothing is generated and the servlet API need not be on Weft's class path.
 * Everything is written back once, by {@link #commit}, when the outermost servlet or filter returns. The listeners are
 * told of each change at once, on this instance ({@link SessionEvents}).
 */
final class ServedRequest {
    private final Sessions sessions;
    private final ServletApi api;
    private final Object request;
    private final Object response;
    private final SessionEvents events;
    /** Every session this request had, in order: the requested one, then any it created. */
    private final List<StoredSession> touched = new ArrayList<>();
    private boolean requestedRead;
    private StoredSession requested;
    private String requestedId;
    private StoredSession current;
    private Object currentHandle;

    ServedRequest(Sessions sessions, ServletApi api, Object request, Object response) {
        this.sessions = sessions;
        this.api = api;
        this.request = request;
        this.response = response;
        this.events = new SessionEvents(api.listeners, sessions.listeners(), () -> api.applicationLoader(request));
    }

    /** {@code HttpServletRequest.getSession(create)}. */
    Object session(boolean create) {
        StoredSession session = current();
        if (session != null) {
            return currentHandle;
        }
        if (!create) {
            return null;
        }
        StoredSession created = sessions.create(api.sessionTimeoutMinutes(request));
        touched.add(created);
        use(created);
        sendCookie(created.id());
        events.created(currentHandle);
        return currentHandle;
    }

    /** {@code HttpServletRequest.changeSessionId()}. */
    String changeSessionId() {
        StoredSession session = current();
        if (session == null) {
            throw new IllegalStateException("changeSessionId: this request has no session");
        }
        String old = session.id();
        String id = sessions.nextId();
        session.changeId(id);
        sendCookie(id);
        events.idChanged(currentHandle, old);
        return id;
    }

    /** {@code HttpServletRequest.isRequestedSessionIdValid()}. */
    boolean requestedSessionIdValid() {
        readRequested();
        return requested != null && !requested.isInvalid() && requested.id().equals(requestedId);
    }

    /** Writes back every session this request had; the first failure is thrown after all were tried. */
    void commit() {
        RuntimeException failure = null;
        for (StoredSession session : touched) {
            try {
                sessions.commit(session);
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    ServletApi api() {
        return api;
    }

    Object response() {
        return response;
    }

    private StoredSession current() {
        if (current == null) {
            readRequested();
            if (requested != null) {
                use(requested);
            }
        }
        return current == null || current.isInvalid() ? null : current;
    }

    private void use(StoredSession session) {
        current = session;
        currentHandle = Proxy.newProxyInstance(api.httpSession.getClassLoader(), new Class<?>[] {api.httpSession},
                new SessionHandle(session, sessions.codec(), api.servletContext(request), events));
    }

    private void readRequested() {
        if (requestedRead) {
            return;
        }
        requestedRead = true;
        for (String id : SessionCookie.values(api.headers(request, "Cookie"), sessions.settings().cookie())) {
            if (SessionIds.wellFormed(id)) {
                StoredSession found = sessions.find(id);
                if (found != null) {
                    requested = found;
                    requestedId = id;
                    touched.add(found);
                    return;
                }
            }
        }
    }

    private void sendCookie(String id) {
        api.addHeader(response, "Set-Cookie", SessionCookie.header(sessions.settings().cookie(), id,
                api.contextPath(request), api.isSecure(request)));
    }
}
