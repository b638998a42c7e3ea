package dev.weft.runtime.jmx;

import dev.weft.runtime.messaging.DeadLetter;
import dev.weft.runtime.tcc.TransactionInfo;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;

/** Reads a {@link StatusReport} from Weft's MBeans over any JMX connection, local or attached. */
public final class WeftStatus {
    private WeftStatus() {
    }

    /**
     * {@link #read(MBeanServerConnection, long)} of the JVM {@code pid} on this machine, attached as {@code jcmd}
     * does ({@link LocalJvm}).
     */
    public static Optional<StatusReport> readLocal(long pid) throws AttachFailure, IOException {
        try (JMXConnector connector = LocalJvm.connect(pid)) {
            return read(connector.getMBeanServerConnection(), pid);
        }
    }

    /** Empty when the JVM has no {@code dev.weft:type=Agent}: Weft is not running there, or its JMX is off. */
    public static Optional<StatusReport> read(MBeanServerConnection jvm, long pid) throws IOException {
        if (!jvm.isRegistered(WeftMBeans.AGENT)) {
            return Optional.empty();
        }
        AgentMXBean agent = proxy(jvm, WeftMBeans.AGENT, AgentMXBean.class);
        return Optional.of(new StatusReport(pid, agent.getVersion(), agent.getConfigFile(), agent.getWovenMethods(),
                agent.getRejectedMethods(), agent.getWeaveFailures(), agent.getSelectors(),
                jvm.isRegistered(WeftMBeans.LOCKS) ? locks(proxy(jvm, WeftMBeans.LOCKS, LocksMXBean.class)) : null,
                jvm.isRegistered(WeftMBeans.TRANSACTIONS)
                        ? transactions(proxy(jvm, WeftMBeans.TRANSACTIONS, TransactionsMXBean.class))
                        : null,
                jvm.isRegistered(WeftMBeans.MESSAGES)
                        ? messages(proxy(jvm, WeftMBeans.MESSAGES, MessagesMXBean.class))
                        : null,
                jvm.isRegistered(WeftMBeans.NOTIFICATIONS)
                        ? notifications(proxy(jvm, WeftMBeans.NOTIFICATIONS, NotificationsMXBean.class))
                        : null,
                jvm.isRegistered(WeftMBeans.SESSIONS)
                        ? sessions(proxy(jvm, WeftMBeans.SESSIONS, SessionsMXBean.class))
                        : null,
                jvm.isRegistered(WeftMBeans.XA) ? xa(proxy(jvm, WeftMBeans.XA, XaMXBean.class)) : null,
                agent.getRedisDeployment()));
    }

    private static StatusReport.Locks locks(LocksMXBean locks) {
        return new StatusReport.Locks(locks.getAcquired(), locks.getBusy(), locks.getLost(), locks.getErrors(),
                locks.getHeldNow(), locks.getHeldLocks(), locks.getWaiters(), locks.getWaitTimes(),
                locks.getHoldTimes());
    }

    private static StatusReport.Transactions transactions(TransactionsMXBean tx) {
        long now = System.currentTimeMillis();
        return new StatusReport.Transactions(tx.getBegun(), tx.getCommitted(), tx.getRolledBack(), tx.getActive(),
                tx.getRecovering(), tx.getFailed(), views(tx.getOpenTransactions(), now),
                views(tx.getFailedTransactions(), now));
    }

    /** The in-doubt branches are read from the databases: when they cannot be, the counts still can. */
    private static StatusReport.Xa xa(XaMXBean xa) {
        List<dev.weft.runtime.xa.InDoubt> inDoubt = List.of();
        String unread = null;
        try {
            inDoubt = xa.getUnresolved();
        } catch (RuntimeException e) {
            unread = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        return new StatusReport.Xa(xa.getBegun(), xa.getCommitted(), xa.getRolledBack(), xa.getTimedOut(),
                xa.getFailed(), xa.getActive(), inDoubt, unread);
    }

    /** The dead letters live in Redis: when it cannot be read, the rest of the report still can. */
    private static StatusReport.Messages messages(MessagesMXBean messages) {
        long waiting = 0;
        List<DeadLetter> deadLetters = List.of();
        String unread = null;
        try {
            waiting = messages.getDeadLettersWaiting();
            deadLetters = messages.getDeadLetters();
        } catch (RuntimeException e) {
            unread = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        return new StatusReport.Messages(messages.getPublished(), messages.getRelayed(), messages.getPendingInOutbox(),
                messages.getOldestUnrelayedAgeMillis(), messages.getConsumed(), messages.getRetried(),
                messages.getDeadLettered(), List.of(messages.getStreams()), waiting, deadLetters, unread);
    }

    /** The store may be down: the process's own counts can still be shown. */
    private static StatusReport.Notifications notifications(NotificationsMXBean notifications) {
        long pending = 0;
        long dead = 0;
        List<dev.weft.runtime.notification.DeadLetter> deadLetters = List.of();
        String unread = null;
        try {
            pending = notifications.getPending();
            dead = notifications.getDead();
            deadLetters = notifications.getDeadLetters();
        } catch (RuntimeException e) {
            unread = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        return new StatusReport.Notifications(notifications.getRecorded(), notifications.getSucceeded(),
                notifications.getRetried(), notifications.getDeadLettered(), pending, dead, deadLetters, unread);
    }

    private static StatusReport.Sessions sessions(SessionsMXBean sessions) {
        return new StatusReport.Sessions(sessions.getActive(), sessions.getReads(), sessions.getWrites(),
                sessions.getBytesWritten(), sessions.getRefusals(), sessions.getRedisErrors(), sessions.getCreated(),
                sessions.getInvalidated());
    }

    /** Ages are taken here, at reading time, so the report reads the same however long it is kept. */
    private static List<TransactionView> views(List<TransactionInfo> transactions, long now) {
        return transactions.stream()
                .map(t -> new TransactionView(t.xid(), t.status(), now - t.startedAt(), t.branches(),
                        t.lastError() == null ? t.origin() : t.origin() + ": " + t.lastError()))
                .toList();
    }

    private static <T> T proxy(MBeanServerConnection jvm, ObjectName name, Class<T> type) {
        return JMX.newMXBeanProxy(jvm, name, type);
    }
}
