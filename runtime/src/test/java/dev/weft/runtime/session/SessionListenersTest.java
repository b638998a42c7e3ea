package dev.weft.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request hears only the listeners its class loader sees: one web application's, not another's. */
class SessionListenersTest {
    private final SessionListeners listeners = new SessionListeners();

    @Test
    void aListenerIsKeptOnceHoweverManyOfItsConstructorsReportIt() {
        Object listener = new Object();
        listeners.constructed(listener);
        listeners.constructed(listener);
        assertEquals(List.of(listener), listeners.seenFrom(getClass().getClassLoader()));
    }

    @Test
    void aListenerOfAnotherWebApplicationsLoaderIsNotSeen() throws Exception {
        URL classes = getClass().getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader webapp = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            Object theirs = webapp.loadClass(Plain.class.getName()).getConstructor().newInstance();
            Object shared = new Plain();
            listeners.constructed(theirs);
            listeners.constructed(shared);
            assertEquals(List.of(shared), listeners.seenFrom(getClass().getClassLoader()));
            assertEquals(List.of(theirs), listeners.seenFrom(webapp));
            try (URLClassLoader child = new URLClassLoader(new URL[0], getClass().getClassLoader())) {
                assertEquals(List.of(shared), listeners.seenFrom(child), "a parent's listener is seen");
            }
        }
    }

    public static final class Plain {
        public Plain() {
        }
    }
}
