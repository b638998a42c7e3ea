package dev.weft.runtime.key;

import dev.weft.api.LockKeyException;
import java.lang.invoke.MethodHandle;

/** A placeholder bound to one method: reads its value from the call's arguments and appends it, escaped. */
final class BoundPlaceholder {
    /** Whether a class declares or inherits a {@code toString()} other than {@code Object}'s. */
    private static final ClassValue<Boolean> OWN_TO_STRING = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("toString").getDeclaringClass() != Object.class;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("every class has toString()", e);
            }
        }
    };

    private final String where;
    private final Placeholder placeholder;
    private final int argument;
    private final MethodHandle[] readers;
    /** Messages built once: {@code nullMessages[i]} is for a null after {@code i} steps. */
    private final String[] nullMessages;

    private BoundPlaceholder(String where, ResolvedPlaceholder resolved, MethodHandle[] readers) {
        this.where = where;
        this.placeholder = resolved.placeholder();
        this.argument = resolved.argument();
        this.readers = readers;
        this.nullMessages = new String[readers.length + 1];
        for (int i = 0; i < nullMessages.length; i++) {
            nullMessages[i] = where + ": " + placeholder.describe(i) + " is null";
        }
    }

    /** @param where the start of every message: which template, on which method */
    static BoundPlaceholder bind(ResolvedPlaceholder resolved, Class<?> argumentType, String where) {
        MethodHandle[] readers = new MethodHandle[resolved.steps().size()];
        Class<?> type = argumentType;
        for (int i = 0; i < readers.length; i++) {
            MemberReader reader = MemberReader.bind(type, resolved.steps().get(i), where);
            readers[i] = reader.handle();
            type = reader.type();
        }
        return new BoundPlaceholder(where, resolved, readers);
    }

    void appendTo(StringBuilder key, Object[] arguments) {
        ValueEscaper.append(key, text(arguments));
    }

    /** The value's text, escaped. */
    String escaped(Object[] arguments) {
        return ValueEscaper.escape(text(arguments));
    }

    private String text(Object[] arguments) {
        Object value = arguments[argument];
        if (value == null) {
            throw new LockKeyException(nullMessages[0]);
        }
        for (int i = 0; i < readers.length; i++) {
            value = read(readers[i], value, i);
            if (value == null) {
                throw new LockKeyException(nullMessages[i + 1]);
            }
        }
        return text(value);
    }

    /** The getter's own exceptions reach the caller unchanged: they are the application's. */
    private Object read(MethodHandle reader, Object owner, int step) {
        try {
            return (Object) reader.invokeExact(owner);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            LockKeyException failure = new LockKeyException(where + ": reading " + placeholder.describe(step + 1)
                    + " failed: " + e);
            failure.initCause(e);
            throw failure;
        }
    }

    /**
     * Enums by {@code name()}, which stays put when {@code toString()} is made friendlier; anything else by its own
     * {@code toString()}. Object's identity-based {@code toString()} would give every instance its own lock.
     */
    private String text(Object value) {
        if (value instanceof String string) {
            return string;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        String steps = placeholder.describe(readers.length);
        if (!OWN_TO_STRING.get(value.getClass())) {
            throw new LockKeyException(where + ": " + steps + " is of class " + value.getClass().getName()
                    + ", which has no toString() of its own; point the template at a property of it instead, e.g. "
                    + placeholder.text().replace("}", ".id}"));
        }
        String text = value.toString();
        if (text == null) {
            throw new LockKeyException(where + ": " + steps + " has a toString() that returns null");
        }
        return text;
    }
}
