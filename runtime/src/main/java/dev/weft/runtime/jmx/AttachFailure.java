package dev.weft.runtime.jmx;

/** Another JVM on this machine cannot be reached over JMX; the message says why, for the operator. */
public final class AttachFailure extends Exception {
    AttachFailure(String message) {
        super(message);
    }
}
