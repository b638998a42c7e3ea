package com.acme.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * How the test applications coordinate with the test that runs them: they print a word on standard output and
 * wait for one on standard input, so that a test never has to guess with a sleep when a child got somewhere.
 */
public final class Handshake {
    private static final BufferedReader IN = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    private Handshake() {
    }

    public static void tell(String line) {
        System.out.println(line);
    }

    /** Blocks until the test sends {@code word}; fails if the test closed standard input instead. */
    public static synchronized void await(String word) {
        try {
            for (String line; (line = IN.readLine()) != null; ) {
                if (line.equals(word)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("standard input ended before " + word);
    }

    /** Says READY, then waits for GO: lets a test start several JVMs and release them at the same moment. */
    public static void readyThenAwaitGo() {
        tell("READY");
        await("GO");
    }
}
