package dev.weft.runtime.jmx;

/** {@code dev.weft:type=Locks}: lock counters of this JVM since start (SPEC section 5). */
public interface LocksMXBean {
    long getAcquired();

    long getBusy();

    long getLost();

    long getErrors();

    long getHeldNow();
}
