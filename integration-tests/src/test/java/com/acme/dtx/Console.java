package com.acme.dtx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** How the services talk with the test: lines on standard output, words on standard input. */
final class Console {
    /** Words read from standard input and not yet taken by {@link #await}; EOF once it ended. */
    private static final List<String> RECEIVED = new ArrayList<>();
    private static boolean ended;

    static {
        Thread reader = new Thread(Console::read, "console-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private Console() {
    }

    private static void read() {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (RECEIVED) {
                    RECEIVED.add(line);
                    RECEIVED.notifyAll();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            synchronized (RECEIVED) {
                ended = true;
                RECEIVED.notifyAll();
            }
        }
    }

    static void tell(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** Blocks until the test sends {@code word} (and takes it); false when standard input ended first. */
    static boolean await(String word) {
        synchronized (RECEIVED) {
            while (!RECEIVED.remove(word)) {
                if (ended) {
                    return false;
                }
                try {
                    RECEIVED.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Whether the test has sent {@code word} (it stays there for the next question). */
    static boolean heard(String word) {
        synchronized (RECEIVED) {
            return RECEIVED.contains(word);
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
