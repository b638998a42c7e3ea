package dev.weft.runtime.txlog;

import java.util.Objects;

/**
 * Which methods a branch runs in phase two, as names only, so that a restarted process can find them again.
 *
 * @param className  binary name of the class the try method is declared in
 * @param tryMethod  name of the try method
 * @param descriptor JVM descriptor of the try method; confirm and cancel have the same parameter types
 */
public record ParticipantId(String className, String tryMethod, String descriptor, String confirm, String cancel) {
    public ParticipantId {
        Objects.requireNonNull(className);
        Objects.requireNonNull(tryMethod);
        Objects.requireNonNull(descriptor);
        Objects.requireNonNull(confirm);
        Objects.requireNonNull(cancel);
    }

    @Override
    public String toString() {
        return className + "#" + tryMethod;
    }
}
