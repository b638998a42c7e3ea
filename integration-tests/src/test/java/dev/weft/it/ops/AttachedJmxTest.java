package dev.weft.it.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.tools.attach.VirtualMachine;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 5: the Weft MBeans of a running application, read from this JVM the way JConsole reads them: attach, local
 * connector, plain open types. Nothing of Weft's own code is used on this side.
 */
class AttachedJmxTest {
    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void locksAndAgentAreReadableFromAnotherJvmWhileALockIsHeld() throws Exception {
        try (JavaProcess app = Dispatch.shipping(dir, redis.uri())) {
            try (JMXConnector jmx = connect(app.pid())) {
                MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
                ObjectName locks = new ObjectName("dev.weft:type=Locks");
                ObjectName agent = new ObjectName("dev.weft:type=Agent");

                for (Map.Entry<String, Long> expected : Map.of("Acquired", 1L, "Busy", 0L, "Lost", 0L, "Errors", 0L,
                        "HeldNow", 1L).entrySet()) {
                    assertEquals(expected.getValue(), mbeans.getAttribute(locks, expected.getKey()), expected.getKey());
                }
                assertTrue(mbeans.getAttribute(locks, "Waiters") instanceof TabularData);
                CompositeData[] held = (CompositeData[]) mbeans.getAttribute(locks, "HeldLocks");
                assertEquals(1, held.length);
                assertEquals("parcel:parcel-7", held[0].get("key"));
                assertEquals("main", held[0].get("holderThread"));
                assertEquals(1L, ((CompositeData) mbeans.getAttribute(locks, "WaitTimes")).get("count"));
                assertTrue(Arrays.stream(mbeans.getMBeanInfo(locks).getNotifications())
                        .anyMatch(n -> Arrays.asList(n.getNotifTypes()).contains("dev.weft.lock.lost")));

                assertEquals(dir.resolve("weft.yaml").toString(), mbeans.getAttribute(agent, "ConfigFile"));
                CompositeData[] selectors = (CompositeData[]) mbeans.getAttribute(agent, "Selectors");
                String[] counts = {"selector", "wovenMethods", "calls", "failures", "skipped"};
                assertArrayEquals(new Object[] {Dispatch.SHIP, 1L, 1L, 0L, 0L}, selectors[0].getAll(counts));
                assertArrayEquals(new Object[] {Dispatch.CANCEL, 0L, 0L, 0L, 0L}, selectors[1].getAll(counts));
                String[] unmatched = (String[]) mbeans.getAttribute(agent, "UnmatchedSelectors");
                assertEquals(1, unmatched.length);
                assertTrue(unmatched[0].endsWith(":7:5: " + Dispatch.CANCEL), unmatched[0]);

                assertFalse(mbeans.isRegistered(new ObjectName("dev.weft:type=Transactions")),
                        "no transactions configured");
            }
            Dispatch.finish(app);
            assertTrue(app.stderr().contains(":7:5: " + Dispatch.CANCEL + " matches no method of com.acme.ops.DispatchApp"),
                    "the unmatched selector is logged when its class loads" + app.report());
        }
    }

    private static JMXConnector connect(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
            return JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
        } finally {
            vm.detach();
        }
    }
}
