package dev.weft.runtime.weave;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The class loaders of the classes Weft wove: the application's own, which see its libraries where the system class
 * loader may not (a Spring Boot fat jar keeps them in {@code BOOT-INF/lib}, read only by the loader its launcher
 * creates). Held weakly, so that a loader the application drops (a redeployed web application) can still be unloaded.
 */
public final class WovenClassLoaders {
    private final List<WeakReference<ClassLoader>> loaders = new ArrayList<>();

    synchronized void add(ClassLoader loader) {
        if (loader == null) {
            return;
        }
        loaders.removeIf(seen -> seen.get() == null);
        for (WeakReference<ClassLoader> seen : loaders) {
            if (seen.get() == loader) {
                return;
            }
        }
        loaders.add(new WeakReference<>(loader));
    }

    /** The loaders still alive, in the order their first woven class was woven. */
    public synchronized List<ClassLoader> seen() {
        List<ClassLoader> alive = new ArrayList<>();
        for (WeakReference<ClassLoader> seen : loaders) {
            ClassLoader loader = seen.get();
            if (loader != null) {
                alive.add(loader);
            }
        }
        return alive;
    }
}
