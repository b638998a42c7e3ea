package dev.weft.bench.load;

import java.lang.management.ManagementFactory;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Weft's own JMX counters (SPEC section 5), read inside the JVM the agent runs in. A Weft row checks them after
 * its run: a method the agent did not weave runs in nanoseconds and would otherwise pass for a very fast lock.
 */
public final class WeftCounters {
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

    /** {@code dev.weft:type=<type>}'s {@code attribute}, a count. */
    public static long read(String type, String attribute) {
        String name = "dev.weft:type=" + type;
        try {
            return ((Number) ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName(name), attribute)).longValue();
        } catch (InstanceNotFoundException e) {
            throw new IllegalStateException("no MBean " + name + ": is the Weft agent attached, with jmx enabled?", e);
        } catch (JMException e) {
            throw new IllegalStateException("cannot read " + name + " " + attribute, e);
        }
    }
}
