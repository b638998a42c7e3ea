package dev.weft.runtime.jmx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.runtime.WeftVersion;
import dev.weft.runtime.lock.HeldLockInfo;
import dev.weft.runtime.weave.WeaveFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The beans as a generic JMX client such as JConsole sees them: open types only, no Weft classes needed. */
class WeftMBeansTest {
    @TempDir
    Path dir;
    Fixture jvm;

    @BeforeEach
    void register() throws Exception {
        jvm = new Fixture(dir);
    }

    @Test
    void lockCountersAreTheLongAttributesTheSpecNames() throws Exception {
        jvm.locks.acquired = 7;
        jvm.locks.busy = 2;
        jvm.locks.errors = 1;
        jvm.locks.held = List.of(new HeldLockInfo("sku:1", "clerk-1", 42, 1500, 8500, false));

        for (Map.Entry<String, Long> expected : Map.of("Acquired", 7L, "Busy", 2L, "Lost", 0L, "Errors", 1L,
                "HeldNow", 1L).entrySet()) {
            assertEquals(expected.getValue(), jvm.server.getAttribute(WeftMBeans.LOCKS, expected.getKey()),
                    expected.getKey());
        }
    }

    @Test
    void heldLocksAreCompositeDataAndWaitersATable() throws Exception {
        jvm.locks.held = List.of(new HeldLockInfo("sku:1", "clerk-1", 42, 1500, 8500, false));
        jvm.locks.waiters = Map.of("sku:1", 3);

        CompositeData[] held = (CompositeData[]) jvm.server.getAttribute(WeftMBeans.LOCKS, "HeldLocks");
        assertEquals(1, held.length);
        assertArrayEquals(new Object[] {"sku:1", "clerk-1", 42L, 1500L, 8500L, false}, held[0].getAll(
                new String[] {"key", "holderThread", "token", "heldForMillis", "leaseLeftMillis", "lost"}));
        TabularData waiters = (TabularData) jvm.server.getAttribute(WeftMBeans.LOCKS, "Waiters");
        assertEquals(3, waiters.get(new Object[] {"sku:1"}).get("value"));
    }

    @Test
    void waitAndHoldTimesCoverTheCallsOfLockedMethods() throws Exception {
        CompositeData waits = (CompositeData) jvm.server.getAttribute(WeftMBeans.LOCKS, "WaitTimes");
        CompositeData holds = (CompositeData) jvm.server.getAttribute(WeftMBeans.LOCKS, "HoldTimes");

        assertEquals(3L, waits.get("count"), "every call waits, the refused one too");
        assertEquals(2L, holds.get("count"), "only the calls that ran held the lock");
        assertTrue(holds.getCompositeType().keySet().containsAll(List.of("p50Millis", "p90Millis", "p99Millis",
                "maxMillis")));
    }

    @Test
    void theAgentListsEverySelectorWithItsCountsAndTheUnmatchedOnes() throws Exception {
        assertEquals(WeftVersion.get(), jvm.server.getAttribute(WeftMBeans.AGENT, "Version"));
        assertEquals(jvm.configFile.toString(), jvm.server.getAttribute(WeftMBeans.AGENT, "ConfigFile"));
        assertEquals(2L, jvm.server.getAttribute(WeftMBeans.AGENT, "WovenMethods"));

        CompositeData[] selectors = (CompositeData[]) jvm.server.getAttribute(WeftMBeans.AGENT, "Selectors");
        String[] counts = {"selector", "wovenMethods", "calls", "failures", "skipped"};
        assertArrayEquals(new Object[] {Fixture.RESERVE, 1L, 3L, 1L, 0L}, selectors[0].getAll(counts));
        assertArrayEquals(new Object[] {Fixture.RESTOCK, 0L, 0L, 0L, 0L}, selectors[1].getAll(counts));
        assertEquals(3, selectors.length, "the JDBC hook that wove a method is listed, the others are not");
        assertEquals(jvm.configFile + ":2:5", selectors[0].get("position"));
        assertArrayEquals(new String[] {jvm.configFile + ":4:5: " + Fixture.RESTOCK},
                (String[]) jvm.server.getAttribute(WeftMBeans.AGENT, "UnmatchedSelectors"));
    }

    @Test
    void aLostLockIsANotificationCarryingTheLock() throws Exception {
        List<Notification> received = new ArrayList<>();
        jvm.server.addNotificationListener(WeftMBeans.LOCKS, (notification, handback) -> received.add(notification),
                null, null);

        jvm.locks.lose(new HeldLockInfo("sku:9", "clerk-2", 77, 31000, 0, true));

        assertEquals(1, received.size());
        Notification lost = received.get(0);
        assertEquals("dev.weft.lock.lost", lost.getType());
        assertEquals(WeftMBeans.LOCKS, lost.getSource());
        assertTrue(lost.getMessage().contains("\"sku:9\"") && lost.getMessage().contains("77"), lost.getMessage());
        CompositeData lock = (CompositeData) lost.getUserData();
        assertArrayEquals(new Object[] {"sku:9", "clerk-2", 77L, true},
                lock.getAll(new String[] {"key", "holderThread", "token", "lost"}));
        assertEquals(1L, jvm.server.getAttribute(WeftMBeans.LOCKS, "Lost"));
    }

    @Test
    void theNotificationIsDeclaredSoThatJConsoleOffersToSubscribe() throws Exception {
        MBeanNotificationInfo[] declared = jvm.server.getMBeanInfo(WeftMBeans.LOCKS).getNotifications();
        assertTrue(Arrays.stream(declared).anyMatch(info -> Arrays.asList(info.getNotifTypes())
                .contains("dev.weft.lock.lost")), Arrays.toString(declared));
    }

    @Test
    void registeringTwiceLogsInsteadOfFailingTheApplication() {
        assertDoesNotThrow(() -> WeftMBeans.register(jvm.server, "again.yaml", new InMemoryLocks(),
                WeaveFixtures.stats()));
    }
}
