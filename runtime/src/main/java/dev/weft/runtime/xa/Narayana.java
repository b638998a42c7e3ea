package dev.weft.runtime.xa;

import com.arjuna.ats.arjuna.common.CoordinatorEnvironmentBean;
import com.arjuna.ats.arjuna.common.CoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.RecoveryEnvironmentBean;
import com.arjuna.ats.jta.common.JTAEnvironmentBean;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Narayana's settings, made before any of its classes initialise (they read them once): the object store, a node
 * identifier of this instance's own, no network listeners (Weft runs recovery in process), and the recovery modules
 * Weft needs. Narayana's other defaults stand, and its own system properties still set them: the pause between the two
 * passes of a recovery scan ({@code -DRecoveryEnvironmentBean.recoveryBackoffPeriod}, 10 s) and between scans
 * ({@code periodicRecoveryPeriod}, 120 s; Weft also scans as soon as a recorded database becomes reachable).
 */
final class Narayana {
    private Narayana() {
    }

    /**
     * @return the node identifier: derived from the object store's absolute path, so it is stable across restarts and
     *     differs between instances, which must not share a store
     */
    static String configure(Path objectStore) {
        String dir = objectStore.toAbsolutePath().normalize().toString();
        for (String name : new String[] {null, "communicationStore", "stateStore"}) {
            ObjectStoreEnvironmentBean store = name == null
                    ? BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class)
                    : BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, name);
            store.setObjectStoreDir(dir);
            store.setObjectStoreSync(true);
        }
        String node = nodeIdentifier(dir);
        try {
            BeanPopulator.getDefaultInstance(CoreEnvironmentBean.class).setNodeIdentifier(node);
        } catch (Exception e) {
            throw new IllegalStateException("Narayana refused node identifier " + node, e);
        }
        BeanPopulator.getDefaultInstance(CoordinatorEnvironmentBean.class).setTransactionStatusManagerEnable(false);
        BeanPopulator.getDefaultInstance(JTAEnvironmentBean.class).setXaRecoveryNodes(List.of(node));
        RecoveryEnvironmentBean recovery = BeanPopulator.getDefaultInstance(RecoveryEnvironmentBean.class);
        recovery.setRecoveryListener(false);
        recovery.setRecoveryModuleClassNames(List.of(
                "com.arjuna.ats.internal.arjuna.recovery.AtomicActionRecoveryModule",
                "com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule"));
        recovery.setExpiryScannerClassNames(List.of());
        return node;
    }

    /** At most 28 bytes, as Narayana requires. */
    private static String nodeIdentifier(String objectStore) {
        CRC32 crc = new CRC32();
        crc.update(objectStore.getBytes(StandardCharsets.UTF_8));
        return "weft-" + Long.toHexString(crc.getValue());
    }
}
