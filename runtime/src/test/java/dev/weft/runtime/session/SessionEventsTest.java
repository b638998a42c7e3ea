package dev.weft.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the listeners hear of a session's changes, in the servlet specification's order, with the application's own
 * event classes (the jakarta API on the test class path stands for the application's).
 */
class SessionEventsTest {
    private static final List<String> heard = Collections.synchronizedList(new ArrayList<>());

    private final SessionCounters counters = new SessionCounters();
    private final AttributeCodec codec = new JavaCodec(List.of("dev.weft.runtime.session.*"), counters);
    private final SessionListeners listeners = new SessionListeners();
    private final ListenerApi api = new ListenerApi("jakarta.servlet", getClass().getClassLoader(), HttpSession.class);

    SessionEventsTest() {
        heard.clear();
    }

    @Test
    void addedReplacedAndRemovedCarryTheNewThenTheOldValue() {
        listeners.constructed(new Recorder("r"));
        HttpSession session = session(StoredSession.created("id", 0, 60));
        session.setAttribute("n", 1);
        session.setAttribute("n", 2);
        session.setAttribute("n", null);
        session.removeAttribute("n");
        session.setAttribute("m", 3);
        session.removeAttribute("m");
        assertEquals(List.of("r added n=1", "r replaced n=1", "r removed n=2", "r added m=3", "r removed m=3"),
                heard);
    }

    @Test
    void anAttributeReadFromRedisIsReplacedWithItsOldValue() {
        listeners.constructed(new Recorder("r"));
        HttpSession session = session(stored(Map.of("a:n", codec.encode("n", 41))));
        session.setAttribute("n", 42);
        assertEquals(List.of("r replaced n=41"), heard);
    }

    @Test
    void aBindingListenerValueIsBoundBeforeItIsThereAndUnboundWhenReplaced() {
        HttpSession session = session(StoredSession.created("id", 0, 60));
        Bound first = new Bound("first");
        session.setAttribute("v", first);
        session.setAttribute("v", first); // the same object again: neither bound nor unbound
        session.setAttribute("v", new Bound("second"));
        session.removeAttribute("v");
        assertEquals(List.of("first bound v (there: null)", "second bound v (there: first)", "first unbound v",
                "second unbound v"), heard);
    }

    @Test
    void invalidateTellsDestroyedWhileTheAttributesAreThereThenRemovesThem() {
        listeners.constructed(new Recorder("one"));
        listeners.constructed(new Recorder("two"));
        HttpSession session = session(StoredSession.created("id", 0, 60));
        session.setAttribute("user", "ada");
        heard.clear();
        session.invalidate();
        assertEquals(List.of("two destroyed [user]", "one destroyed [user]", "one removed user=ada",
                "two removed user=ada"), heard, "destroyed in reverse order, as the servlet specification asks");
    }

    @Test
    void aListenerThatThrowsIsLoggedAndTheOthersAreStillTold() {
        listeners.constructed(new Recorder("boom"));
        listeners.constructed(new Recorder("r"));
        session(StoredSession.created("id", 0, 60)).setAttribute("n", 1);
        assertEquals(List.of("boom added n=1", "r added n=1"), heard);
    }

    @Test
    void aListenerInvalidatingTheSessionItIsToldOfIsNotToldAgain() {
        listeners.constructed(new Recorder("reinvalidate"));
        session(StoredSession.created("id", 0, 60)).invalidate();
        assertEquals(List.of("reinvalidate destroyed []"), heard);
    }

    @Test
    void withoutListenersChangesAreMadeAsBefore() {
        HttpSession session = session(StoredSession.created("id", 0, 60));
        session.setAttribute("n", 1);
        assertEquals(1, session.getAttribute("n"));
        assertEquals(List.of(), heard);
    }

    /** Weft's sites run with Weft's own context class loader; a listener told from one must not see it. */
    @Test
    void aListenerRunsWithTheWebApplicationsClassLoaderWhoeverTellsIt() throws Exception {
        listeners.constructed(new Recorder("r"));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader webapp = new URLClassLoader(new URL[0], getClass().getClassLoader());
             URLClassLoader weft = new URLClassLoader(new URL[0], null)) {
            SessionEvents events = new SessionEvents(api, listeners, () -> webapp);
            thread.setContextClassLoader(weft);
            events.created(session(StoredSession.created("id", 0, 60), events));
            assertEquals(List.of("r created"), heard);
            assertSame(webapp, Recorder.contextLoader);
            assertSame(weft, thread.getContextClassLoader(), "the caller's is put back");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private HttpSession session(StoredSession stored) {
        return session(stored, new SessionEvents(api, listeners, () -> getClass().getClassLoader()));
    }

    private HttpSession session(StoredSession stored, SessionEvents events) {
        return (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {HttpSession.class},
                new SessionHandle(stored, codec, null, events));
    }

    private static StoredSession stored(Map<String, String> attributes) {
        Map<String, String> fields = new java.util.HashMap<>(attributes);
        fields.put(StoredSession.CREATED, "1");
        fields.put(StoredSession.LAST_ACCESSED, "2");
        fields.put(StoredSession.MAX_INACTIVE, "1800");
        return StoredSession.read("id", fields);
    }

    /** Records what it hears; {@code boom} throws after recording, {@code reinvalidate} invalidates again. */
    static final class Recorder implements HttpSessionListener, HttpSessionAttributeListener {
        static ClassLoader contextLoader;
        private final String name;

        Recorder(String name) {
            this.name = name;
        }

        @Override
        public void sessionCreated(HttpSessionEvent event) {
            contextLoader = Thread.currentThread().getContextClassLoader();
            heard.add(name + " created");
        }

        @Override
        public void sessionDestroyed(HttpSessionEvent event) {
            heard.add(name + " destroyed " + Collections.list(event.getSession().getAttributeNames()));
            if (name.equals("reinvalidate")) {
                event.getSession().invalidate();
            }
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

        private void record(String what, HttpSessionBindingEvent event) {
            heard.add(name + " " + what + " " + event.getName() + "=" + event.getValue());
            if (name.equals("boom")) {
                throw new IllegalStateException("a listener that fails");
            }
        }
    }

    record Bound(String text) implements HttpSessionBindingListener, Serializable {
        @Override
        public void valueBound(HttpSessionBindingEvent event) {
            Object there = event.getSession().getAttribute(event.getName());
            heard.add(text + " bound " + event.getName() + " (there: "
                    + (there == null ? null : ((Bound) there).text()) + ")");
        }

        @Override
        public void valueUnbound(HttpSessionBindingEvent event) {
            heard.add(text + " unbound " + event.getName());
        }
    }
}
