package dev.weft.runtime.jmx;

import dev.weft.runtime.WeftVersion;
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

/**
 * Weft's MXBeans on an MBean server, readable in JConsole and by {@code weft status}: {@code dev.weft:type=Agent} of
 * the weaver, and one per feature, which each feature registers here (docs/contributing.md).
 */
public final class WeftMBeans {
    public static final ObjectName AGENT = name("Agent");
    public static final ObjectName LOCKS = name("Locks");
    public static final ObjectName TRANSACTIONS = name("Transactions");
    public static final ObjectName MESSAGES = name("Messages");
    public static final ObjectName NOTIFICATIONS = name("Notifications");
    public static final ObjectName SESSIONS = name("Sessions");
    public static final ObjectName XA = name("XA");

    private final MBeanServer server;
    private final WeaveStats weaving;

    public WeftMBeans(MBeanServer server, WeaveStats weaving) {
        this.server = server;
        this.weaving = weaving;
    }

    public static WeftMBeans platform(WeaveStats weaving) {
        return new WeftMBeans(ManagementFactory.getPlatformMBeanServer(), weaving);
    }

    static void register(MBeanServer server, String configFile, LockIntrospection locks, WeaveStats weaving) {
        WeftMBeans beans = new WeftMBeans(server, weaving);
        beans.registerAgent(configFile, RedisView.NONE);
        beans.registerLocks(locks);
    }

    /** {@code dev.weft:type=Agent}: what the agent was told and what it wove, and where its Redis is. */
    public void registerAgent(String configFile, RedisView redis) {
        register(server, AGENT, AgentMXBean.class, new AgentBean(WeftVersion.get(), configFile, weaving, redis), null);
    }

    /** {@code dev.weft:type=Locks}, with a notification for every lock lost while held. */
    public void registerLocks(LockIntrospection locks) {
        WeftNotifier lockEvents = new WeftNotifier(LOCKS, LocksBean.NOTIFICATIONS);
        LocksBean bean = new LocksBean(locks, () -> weaving.selectors().stream()
                .filter(s -> s.rule() instanceof LockRuleCheck).toList(), lockEvents);
        register(server, LOCKS, LocksMXBean.class, bean, lockEvents);
    }

    /** A feature's bean as {@code dev.weft:type=<type>}, e.g. {@code Transactions}. */
    public <T> void register(String type, Class<T> mxbeanInterface, T bean) {
        register(server, name(type), mxbeanInterface, bean, null);
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

    private static ObjectName name(String type) {
        try {
            return new ObjectName("dev.weft:type=" + type);
        } catch (JMException e) {
            throw new IllegalArgumentException(type, e);
        }
    }
}
