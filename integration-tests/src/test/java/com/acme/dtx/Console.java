package com.acme.dtx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** How the services talk with the test: lines on standard output, words on standard input. */
final class Console {
    private static final BufferedReader IN = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    private Console() {
    }

    static void tell(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Blocks until the test sends {@code word}; false when standard input ended first. */
    static synchronized boolean await(String word) {
        try {
            for (String line; (line = IN.readLine()) != null; ) {
                if (line.equals(word)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * With the agent attached, waits until Weft has registered its JMX beans (moments after start-up, on its
     * background thread), so that the service takes requests only once Weft is up. Without the agent, returns at once.
     */
    static void awaitWeft() throws InterruptedException {
        boolean attached = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-javaagent:") && argument.contains("weft-agent"));
        if (!attached) {
            return;
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name;
        try {
            name = new ObjectName("dev.weft:type=Transactions");
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!server.isRegistered(name)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Weft registered no JMX bean within 60s");
            }
            Thread.sleep(5);
        }
    }
}
