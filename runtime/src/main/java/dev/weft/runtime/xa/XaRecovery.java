package dev.weft.runtime.xa;

import com.arjuna.ats.arjuna.recovery.RecoveryManager;
import com.arjuna.ats.internal.jta.recovery.arjunacore.XARecoveryModule;
import com.arjuna.ats.jta.common.jtaPropertyManager;
import com.arjuna.ats.jta.recovery.XAResourceRecoveryHelper;
import dev.weft.runtime.log.Log;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import javax.sql.XAConnection;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * Narayana's recovery manager, in process, with the XA resources Weft can recreate: one per database recorded in
 * {@link KnownDatabases} whose password this run knows, because the application opened a connection to it again
 * ({@link Openings}). A scan runs when Narayana's period comes round and as soon as a recorded database becomes
 * reachable. Transactions whose commit decision was logged are committed; prepared branches of this node with no
 * decision are rolled back (presumed abort). What neither can reach stays in {@link #unresolved()}.
 */
final class XaRecovery implements XAResourceRecoveryHelper {
    /** {@code com.arjuna.ats.jta.xa.XidImple}'s format id: the branches Narayana made. */
    private static final int NARAYANA_FORMAT = 131077;

    private final KnownDatabases known;
    private final Openings openings;
    private final Map<XaDatabase, XAConnection> connections = new ConcurrentHashMap<>();
    /** Rescans while something is in doubt, this many times before Narayana's own period takes over. */
    private static final int RESCANS = 6;

    private final ScheduledExecutorService scans = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "weft-xa-recovery");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RecoveryManager manager;

    XaRecovery(KnownDatabases known, Openings openings) {
        this.known = known;
        this.openings = openings;
    }

    /** Starts Narayana's recovery manager; off the application's start-up path. */
    void start() {
        RecoveryManager started = RecoveryManager.manager();
        XARecoveryModule.getRegisteredXARecoveryModule().addXAResourceRecoveryHelper(this);
        manager = started;
        if (known.all().stream().anyMatch(database -> openings.of(database).isPresent())) {
            scanSoon();
        }
    }

    /** The application opened a connection to {@code database} for the first time in this run. */
    void reachable(XaDatabase database) {
        if (manager != null && known.contains(database)) {
            scanSoon();
        }
    }

    private void scanSoon() {
        scans.execute(() -> scan(RESCANS));
    }

    /**
     * One scan; while branches stay in doubt, another after Narayana's orphan safety interval: a prepared branch with
     * no logged decision is rolled back only once it is older than that (it may belong to a transaction still
     * preparing), so the scan that runs right after a restart leaves it.
     */
    private void scan(int rescans) {
        try {
            manager.scan();
            if (rescans > 0 && !unresolved().isEmpty()) {
                long pause = Math.max(1000, jtaPropertyManager.getJTAEnvironmentBean().getOrphanSafetyInterval());
                scans.schedule(() -> scan(rescans - 1), pause, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            Log.warn("XA recovery scan failed: " + e);
        }
    }

    @Override
    public boolean initialise(String parameter) {
        return true;
    }

    @Override
    public XAResource[] getXAResources() {
        List<XAResource> resources = new ArrayList<>();
        for (XaDatabase database : known.all()) {
            resource(database).ifPresent(resources::add);
        }
        return resources.toArray(XAResource[]::new);
    }

    private Optional<XAResource> resource(XaDatabase database) {
        Optional<ConnectionSource> source = openings.of(database);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        try {
            XAConnection connection = connections.get(database);
            if (connection == null || !XaConnections.isValid(connection, 5)) {
                connection = source.get().open();
                XAConnection previous = connections.put(database, connection);
                if (previous != null) {
                    XaConnections.closeQuietly(previous, database);
                }
            }
            return Optional.of(connection.getXAResource());
        } catch (SQLException | RuntimeException e) {
            Log.warn("XA recovery cannot reach " + database + " now: " + e);
            return Optional.empty();
        }
    }

    List<InDoubt> unresolved() {
        List<InDoubt> found = new ArrayList<>();
        for (XaDatabase database : known.all()) {
            for (Xid xid : prepared(database)) {
                found.add(new InDoubt(text(xid), database.toString()));
            }
        }
        return found;
    }

    boolean commit(String xid) {
        return finish(xid, true);
    }

    boolean rollback(String xid) {
        return finish(xid, false);
    }

    private boolean finish(String wanted, boolean commit) {
        for (XaDatabase database : known.all()) {
            for (Xid xid : prepared(database)) {
                if (text(xid).equals(wanted)) {
                    try {
                        XAResource resource = resource(database).orElseThrow();
                        if (commit) {
                            resource.commit(xid, false);
                        } else {
                            resource.rollback(xid);
                        }
                        Log.warn("an operator " + (commit ? "committed " : "rolled back ") + wanted + " on " + database);
                        return true;
                    } catch (XAException e) {
                        throw new IllegalStateException(database + " refused: XA error " + e.errorCode, e);
                    }
                }
            }
        }
        return false;
    }

    private List<Xid> prepared(XaDatabase database) {
        Optional<XAResource> resource = resource(database);
        if (resource.isEmpty()) {
            return List.of();
        }
        try {
            Xid[] xids = resource.get().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
            List<Xid> ours = new ArrayList<>();
            for (Xid xid : xids == null ? new Xid[0] : xids) {
                if (xid.getFormatId() == NARAYANA_FORMAT) {
                    ours.add(xid);
                }
            }
            return ours;
        } catch (XAException e) {
            Log.warn("cannot list the prepared branches of " + database + ": XA error " + e.errorCode);
            return List.of();
        }
    }

    static String text(Xid xid) {
        HexFormat hex = HexFormat.of();
        return xid.getFormatId() + ":" + hex.formatHex(xid.getGlobalTransactionId()) + ":"
                + hex.formatHex(xid.getBranchQualifier());
    }

    void close() {
        RecoveryManager started = manager;
        if (started != null) {
            started.terminate(false);
        }
        scans.shutdownNow();
        connections.forEach((database, connection) -> XaConnections.closeQuietly(connection, database));
    }
}
