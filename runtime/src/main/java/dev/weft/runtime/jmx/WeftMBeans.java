package dev.weft.runtime.jmx;

import dev.weft.runtime.WeftVersion;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.lock.LockMetrics;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.weave.WeaveStats;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Registers Weft's MXBeans on the platform MBean server, readable in JConsole and by {@code weft status}. */
public final class WeftMBeans {
    private WeftMBeans() {
    }

    public static void register(WeftConfig config, LockMetrics locks, WeaveStats weaving) {
        String version = WeftVersion.get();
        register("dev.weft:type=Agent", new AgentMXBean() {
            @Override public String getVersion() { return version; }
            @Override public String getConfigFile() { return String.valueOf(config.source()); }
            @Override public long getWovenMethods() { return weaving.wovenMethods(); }
            @Override public long getRejectedMethods() { return weaving.rejectedMethods(); }
            @Override public long getWeaveFailures() { return weaving.failedTypes(); }
        });
        register("dev.weft:type=Locks", new LocksMXBean() {
            @Override public long getAcquired() { return locks.acquired(); }
            @Override public long getBusy() { return locks.busy(); }
            @Override public long getLost() { return locks.lost(); }
            @Override public long getErrors() { return locks.errors(); }
            @Override public long getHeldNow() { return locks.heldNow(); }
        });
    }

    public static void registerTransactions(TransactionsMXBean transactions) {
        register("dev.weft:type=Transactions", transactions);
    }

    private static void register(String name, Object mbean) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            server.registerMBean(mbean, new ObjectName(name));
        } catch (JMException e) {
            // Monitoring must never stop the application; the locks themselves are unaffected.
            Log.warn("could not register JMX bean " + name + ": " + e.getMessage());
        }
    }
}
