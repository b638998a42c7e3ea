package com.acme.config;

import com.acme.support.Handshake;

/**
 * Does nothing but say that main ran; the configuration tests look for that line. With {@code --stay} it then
 * waits for {@code EXIT}, so that a test can look at it while it runs.
 */
public final class HelloApp {
    public static void main(String[] args) {
        Handshake.tell(new HelloApp().greet("world"));
        if (args.length > 0 && args[0].equals("--stay")) {
            Handshake.await("EXIT");
        }
    }

    public String greet(String name) {
        return "MAIN RAN, hello " + name;
    }
}
