package dev.weft.runtime.jmx;

import dev.weft.runtime.WeftVersion;
import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.lock.LockRuleCheck;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.weave.WeaveStats;
import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardEmitterMBean;
import javax.management.StandardMBean;

/** Weft's MXBeans on the platform MBean server, readable in JConsole and by {@code weft status}. */
public final class WeftMBeans {
    public static final ObjectName AGENT = name("dev.weft:type=Agent");
    public static final ObjectName LOCKS = name("dev.weft:type=Locks");
    public static final ObjectName TRANSACTIONS = name("dev.weft:type=Transactions");

    private WeftMBeans() {
    }

    public static void register(WeftConfig config, LockIntrospection locks, WeaveStats weaving) {
        register(ManagementFactory.getPlatformMBeanServer(), String.valueOf(config.source()), locks, weaving);
    }

    static void register(MBeanServer server, String configFile, LockIntrospection locks, WeaveStats weaving) {
        register(server, AGENT, AgentMXBean.class, new AgentBean(WeftVersion.get(), configFile, weaving), null);
        WeftNotifier lockEvents = new WeftNotifier(LOCKS, LocksBean.NOTIFICATIONS);
        LocksBean bean = new LocksBean(locks, () -> weaving.selectors().stream()
                .filter(s -> s.rule() instanceof LockRuleCheck).toList(), lockEvents);
        register(server, LOCKS, LocksMXBean.class, bean, lockEvents);
    }

    public static void registerTransactions(TransactionsMXBean transactions) {
        register(ManagementFactory.getPlatformMBeanServer(), TRANSACTIONS, TransactionsMXBean.class, transactions, null);
    }

    /**
     * Registers {@code bean} as an MXBean under {@code name}, with the notifications of {@code notifier} (or none
     * when it is null). A failure is logged, never thrown: monitoring must not stop the application.
     */
    public static <T> void register(MBeanServer server, ObjectName name, Class<T> type, T bean, WeftNotifier notifier) {
        try {
            StandardMBean mbean = notifier == null
                    ? new StandardMBean(bean, type, true)
                    : new StandardEmitterMBean(bean, type, true, notifier);
            server.registerMBean(mbean, name);
        } catch (InstanceAlreadyExistsException e) {
            Log.warn("JMX bean " + name + " is registered already (is Weft attached to this JVM twice?); keeping the"
                    + " first one");
        } catch (JMException e) {
            Log.warn("could not register JMX bean " + name + ": " + e);
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
