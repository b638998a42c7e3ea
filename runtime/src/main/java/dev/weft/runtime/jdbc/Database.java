package dev.weft.runtime.jdbc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One database Weft writes its own tables to, as one URL and user of the application's connections: its dialect,
 * which of Weft's tables are known to exist, and the barrier's last sweep. Handed to {@link TransactionWork} and
 * taken by {@link OutboxTable} and {@link InboxTable}; compared by identity (one instance per URL and user and JVM).
 */
public final class Database {
    private final Dialect dialect;
    private final String identity;
    private final Set<String> readyTables = ConcurrentHashMap.newKeySet();
    private final Set<String> tablesToldCreated = ConcurrentHashMap.newKeySet();
    /** Epoch milliseconds; 0, so the first committed barrier transaction of this JVM sweeps. */
    private final AtomicLong nextSweep = new AtomicLong();

    Database(Dialect dialect, String identity) {
        this.dialect = dialect;
        this.identity = identity;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Which database this is. */
    public DatabaseProduct product() {
        return dialect.product();
    }

    /** The URL and user, as the driver reports them; what tells two databases apart. */
    String identity() {
        return identity;
    }

    /**
     * Names this database to other instances without revealing its URL or user (a URL may carry a password): a
     * SHA-256 of the identity. Instances that opened the same database compute the same fingerprint.
     */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    boolean tableReady(String table) {
        return readyTables.contains(table);
    }

    void tableIsReady(String table) {
        readyTables.add(table);
    }

    /**
     * {@code true} for the first caller only: the first phases of a JVM find the table missing together, and each runs
     * its {@code CREATE TABLE IF NOT EXISTS}, but the log says it once.
     */
    boolean firstToTellTableCreated(String table) {
        return tablesToldCreated.add(table);
    }

    /** {@code true} for exactly one caller once a sweep is due; that caller sweeps. */
    boolean claimSweep(long now, long interval) {
        long due = nextSweep.get();
        return now >= due && nextSweep.compareAndSet(due, now + interval);
    }

    @Override
    public String toString() {
        return identity.replace('\n', ' ');
    }
}
