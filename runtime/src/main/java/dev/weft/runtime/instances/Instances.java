package dev.weft.runtime.instances;

import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instances of the classes whose methods Weft calls itself (TCC participants in phase two, message consumers), held
 * weakly as their constructors return, so that Weft uses the application's own object (a DI bean with its
 * dependencies) rather than a bare one.
 *
 * <p>Only the most recent few instances per class are kept: a class constructed per request must not make this grow.
 * An instance Weft made itself with the no-argument constructor is used only while the application has made none.
 */
public final class Instances {
    private static final int KEPT_PER_CLASS = 16;
    /** Set while Weft itself runs a constructor, so that the instance is known as a stand-in. */
    private static final ThreadLocal<Boolean> MAKING = new ThreadLocal<>();

    private final Map<String, Tracked> byClass = new ConcurrentHashMap<>();

    /** Called by the constructor advice of {@code type} (also when a subclass instance is being constructed). */
    public void constructed(Class<?> type, Object instance) {
        byClass.computeIfAbsent(type.getName(), name -> new Tracked(type)).add(instance, MAKING.get() != null);
    }

    /** The class {@code name} if an instance of it was constructed (it may live in any class loader). */
    public Optional<Class<?>> loadedClass(String name) {
        Tracked tracked = byClass.get(name);
        return tracked == null ? Optional.empty() : Optional.ofNullable(tracked.type.get());
    }

    /**
     * An instance to call a method on: the application's most recent one, else one made earlier by Weft, else a new
     * one from the no-argument constructor; empty when there is none yet (the caller retries later).
     */
    public Optional<Object> instanceOf(Class<?> type) {
        Tracked tracked = byClass.get(type.getName());
        Optional<Object> live = tracked == null ? Optional.empty() : tracked.best();
        return live.isPresent() ? live : make(type);
    }

    private static Optional<Object> make(Class<?> type) {
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            return Optional.empty();
        }
        MAKING.set(Boolean.TRUE);
        try {
            return Optional.of(constructor.newInstance());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        } finally {
            MAKING.remove();
        }
    }

    private static final class Tracked {
        final WeakReference<Class<?>> type;
        private final Deque<Instance> instances = new ArrayDeque<>();

        Tracked(Class<?> type) {
            this.type = new WeakReference<>(type);
        }

        synchronized void add(Object instance, boolean madeByWeft) {
            for (Iterator<Instance> it = instances.iterator(); it.hasNext(); ) {
                Object existing = it.next().get();
                if (existing == null) {
                    it.remove();
                } else if (existing == instance) {
                    return; // a constructor chaining to another, or to a superclass's, reports it twice
                }
            }
            if (instances.size() == KEPT_PER_CLASS) {
                instances.removeFirst();
            }
            instances.addLast(new Instance(instance, madeByWeft));
        }

        synchronized Optional<Object> best() {
            Object standIn = null;
            for (Iterator<Instance> it = instances.descendingIterator(); it.hasNext(); ) {
                Instance entry = it.next();
                Object instance = entry.get();
                if (instance != null && !entry.madeByWeft) {
                    return Optional.of(instance);
                }
                if (standIn == null) {
                    standIn = instance;
                }
            }
            return Optional.ofNullable(standIn);
        }
    }

    private static final class Instance extends WeakReference<Object> {
        final boolean madeByWeft;

        Instance(Object instance, boolean madeByWeft) {
            super(instance);
            this.madeByWeft = madeByWeft;
        }
    }
}
