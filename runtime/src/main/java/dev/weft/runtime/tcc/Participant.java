package dev.weft.runtime.tcc;

import dev.weft.runtime.txlog.ParticipantId;
import dev.weft.runtime.weave.Descriptors;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/** A participant's try, confirm and cancel methods, found by reflection on its loaded class. */
final class Participant {
    private final ParticipantId id;
    private final Class<?> type;
    private final Method confirm;
    private final Method cancel;
    private final boolean isStatic;
    private final ArgumentCodec codec;

    private Participant(ParticipantId id, Class<?> type, Method tryMethod, Method confirm, Method cancel) {
        this.id = id;
        this.type = type;
        this.confirm = confirm;
        this.cancel = cancel;
        this.isStatic = Modifier.isStatic(tryMethod.getModifiers());
        this.codec = new ArgumentCodec(id.toString(), tryMethod);
    }

    /**
     * @throws IllegalStateException when {@code type} does not have the methods {@code id} names (the class changed
     *     since the branch was logged, or start-up checks could not see it)
     */
    static Participant resolve(Class<?> type, ParticipantId id) {
        Method tryMethod = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(id.tryMethod())
                        && Descriptors.of(m).equals(id.descriptor()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(type.getName() + " has no try method " + id.tryMethod()
                        + id.descriptor() + " any more"));
        return new Participant(id, type, tryMethod, sibling(type, tryMethod, id.confirm()),
                sibling(type, tryMethod, id.cancel()));
    }

    /** A method of the class or a superclass with the try's parameter types, as {@code ParticipantRuleCheck} requires. */
    private static Method sibling(Class<?> type, Method tryMethod, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method candidate : c.getDeclaredMethods()) {
                if (candidate.getName().equals(name)
                        && Arrays.equals(candidate.getParameterTypes(), tryMethod.getParameterTypes())
                        && Modifier.isStatic(candidate.getModifiers()) == Modifier.isStatic(tryMethod.getModifiers())) {
                    candidate.setAccessible(true);
                    return candidate;
                }
            }
        }
        throw new IllegalStateException(type.getName() + " has no method " + name + " with the parameter types of "
                + tryMethod.getName());
    }

    ParticipantId id() {
        return id;
    }

    Class<?> type() {
        return type;
    }

    boolean isStatic() {
        return isStatic;
    }

    ArgumentCodec codec() {
        return codec;
    }

    /**
     * Runs confirm or cancel as application code: with the participant's class loader as the thread's context class
     * loader, not Weft's own.
     *
     * @throws Throwable whatever the method threw
     */
    void complete(boolean commit, Object instance, Object[] arguments) throws Throwable {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(type.getClassLoader());
        try {
            (commit ? confirm : cancel).invoke(isStatic ? null : instance, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
