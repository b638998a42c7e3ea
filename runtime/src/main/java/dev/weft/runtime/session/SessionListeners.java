package dev.weft.runtime.session;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Every session listener the application made ({@link ListenerWeaveRule}), in the order their constructors returned,
 * held weakly: the container holds those it registered. A request's listeners are those its class loader sees (the
 * listener's class was loaded by that loader or one of its parents), so that one web application's listeners never
 * hear of another's sessions.
 */
final class SessionListeners {
    private final List<WeakReference<Object>> made = new ArrayList<>();

    /** Called as a listener's constructor returns; again for each constructor in its class hierarchy that is woven. */
    synchronized void constructed(Object listener) {
        for (Iterator<WeakReference<Object>> it = made.iterator(); it.hasNext(); ) {
            Object existing = it.next().get();
            if (existing == null) {
                it.remove();
            } else if (existing == listener) {
                return;
            }
        }
        made.add(new WeakReference<>(listener));
    }

    /** The listeners that {@code requestLoader} (the request's context class loader) sees, oldest first. */
    synchronized List<Object> seenFrom(ClassLoader requestLoader) {
        List<Object> seen = new ArrayList<>();
        for (WeakReference<Object> reference : made) {
            Object listener = reference.get();
            if (listener != null && sees(requestLoader, listener.getClass().getClassLoader())) {
                seen.add(listener);
            }
        }
        return seen;
    }

    private static boolean sees(ClassLoader requestLoader, ClassLoader listenerLoader) {
        if (listenerLoader == null) {
            return true;
        }
        for (ClassLoader loader = requestLoader; loader != null; loader = loader.getParent()) {
            if (loader == listenerLoader) {
                return true;
            }
        }
        return false;
    }
}
