package dev.weft.bench.load;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Weft's own JMX counters (SPEC section 5), read inside the JVM the agent runs in. A Weft row checks them after
 * its run: a method the agent did not weave runs in nanoseconds and would otherwise pass for a very fast lock.
 */
public final class WeftCounters {
    /** The agent registers its beans off the application's path, once it has connected: a short run can end first. */
    private static final Duration REGISTERED_WITHIN = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 20;

    private WeftCounters() {
    }

    /** @throws IllegalStateException unless {@code dev.weft:type=<type>}'s {@code attribute} is above zero */
    public static void requireCounted(String type, String attribute) {
        String name = "dev.weft:type=" + type;
        long value = read(type, attribute);
        if (value <= 0) {
            throw new IllegalStateException(name + " " + attribute + " is " + value + ": the agent wove nothing that"
                    + " the benchmark called; does weft.yaml name the method?");
        }
    }

    /** {@code dev.weft:type=<type>}'s {@code attribute}, a count; waits for the bean to be registered. */
    public static long read(String type, String attribute) {
        String name = "dev.weft:type=" + type;
        try {
            ObjectName bean = new ObjectName(name);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            long deadline = System.nanoTime() + REGISTERED_WITHIN.toNanos();
            while (!server.isRegistered(bean)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no MBean " + name + " after " + REGISTERED_WITHIN.toSeconds()
                            + " s: is the Weft agent attached, with jmx enabled?");
                }
                Thread.sleep(POLL_MILLIS);
            }
            return ((Number) server.getAttribute(bean, attribute)).longValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        } catch (JMException e) {
            throw new IllegalStateException("cannot read " + name + " " + attribute, e);
        }
    }
}
