package com.acme.config;

import com.acme.support.Handshake;

/** Does nothing but say that main ran; the configuration tests look for that line. */
public final class HelloApp {
    public static void main(String[] args) {
        Handshake.tell(new HelloApp().greet("world"));
    }

    public String greet(String name) {
        return "MAIN RAN, hello " + name;
    }
}
