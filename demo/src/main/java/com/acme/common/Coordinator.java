package com.acme.common;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * A TCC coordinator, if one is attached to this JVM, seen through plain JMX ({@code dev.weft:type=Transactions}): the
 * demo's applications use it only to wait, at start-up and before they exit, and still know nothing of Weft.
 */
public final class Coordinator {
    private static final ObjectName TRANSACTIONS = name("dev.weft:type=Transactions");

    private Coordinator() {
    }

    /**
     * With an agent attached, waits until its coordinator is up (it registers its beans moments after start-up); at
     * once otherwise.
     */
    public static void awaitStarted(Duration timeout) throws InterruptedException {
        if (!agentAttached()) {
            return;
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!server.isRegistered(TRANSACTIONS) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /**
     * Waits (at most {@code timeout}) until the coordinator, if there is one, has no transaction running or left to
     * finish, other than those it gave up on (FAILED, which wait for an operator). With a log shared by several
     * services that means every service's transactions.
     */
    public static void awaitSettled(Duration timeout) throws InterruptedException, JMException {
        awaitStarted(timeout);
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (unfinished(server) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InstanceNotFoundException noCoordinator) {
            // nobody to wait for
        }
    }

    private static long unfinished(MBeanServer server) throws JMException {
        CompositeData[] open = (CompositeData[]) server.getAttribute(TRANSACTIONS, "OpenTransactions");
        return open.length - (Long) server.getAttribute(TRANSACTIONS, "Failed");
    }

    private static boolean agentAttached() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-javaagent:"));
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
