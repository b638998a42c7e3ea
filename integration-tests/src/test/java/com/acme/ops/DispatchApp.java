package com.acme.ops;

import com.acme.support.Handshake;

/**
 * Ships one parcel while a test looks at the JVM from outside: {@link #ship} says {@code SHIPPING <parcel>} and
 * stays inside (holding its lock, under the agent) until the test sends FINISH. Knows nothing of Weft.
 *
 * <p>Usage: {@code DispatchApp <parcel>}.
 */
public final class DispatchApp {
    public static void main(String[] args) {
        Handshake.tell("SHIPPED " + new DispatchApp().ship(args[0]));
    }

    public String ship(String parcel) {
        Handshake.tell("SHIPPING " + parcel);
        Handshake.await("FINISH");
        return parcel;
    }
}
