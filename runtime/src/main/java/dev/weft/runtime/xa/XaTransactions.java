package dev.weft.runtime.xa;

import dev.weft.api.TransactionNestingException;
import dev.weft.api.TransactionTimeoutException;
import dev.weft.api.WeftBackendException;
import dev.weft.api.WeftConfigException;
import dev.weft.runtime.jdbc.Connections;
import dev.weft.runtime.log.Log;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.XAConnection;

/**
 * XA transactions run by Narayana for {@code xa.global} methods (docs/xa.md): begins one when such a method is entered,
 * enlists a branch for each database the method obtains a connection to, and commits (two phases; one with a single
 * branch) or rolls back when it ends.
 */
final class XaTransactions {
    /** Narayana's, made on first use: initialising Narayana costs the application's start-up most of a second. */
    private final Supplier<TransactionManager> managerMaker;
    private volatile TransactionManager manager;
    private final Openings openings;
    private final KnownDatabases known;
    private final HaltPoints halts;
    private final BooleanSupplier tccActive;
    /** Databases that were found able to prepare (PostgreSQL's max_prepared_transactions is asked once). */
    private final Set<XaDatabase> canPrepare = ConcurrentHashMap.newKeySet();
    private final IdleXaConnections idle = new IdleXaConnections();
    final AtomicLong begun = new AtomicLong();
    final AtomicLong committed = new AtomicLong();
    final AtomicLong rolledBack = new AtomicLong();
    final AtomicLong timedOut = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong active = new AtomicLong();

    XaTransactions(Supplier<TransactionManager> manager, Openings openings, KnownDatabases known, HaltPoints halts,
                   BooleanSupplier tccActive) {
        this.managerMaker = manager;
        this.openings = openings;
        this.known = known;
        this.halts = halts;
        this.tccActive = tccActive;
    }

    /** Entering an {@code xa.global} method: a new transaction, or the enclosing one joined. */
    XaTransaction begin(String method, Duration timeout) {
        XaTransaction current = CurrentXa.get();
        if (current != null) {
            current.depth++;
            return current;
        }
        if (tccActive.getAsBoolean()) {
            throw new TransactionNestingException("weft: " + method + " is an xa.global method, called inside a TCC"
                    + " global transaction; XA and TCC transactions do not nest. Call it outside the TCC method, or"
                    + " remove it from one of the two lists");
        }
        TransactionManager manager = manager();
        try {
            manager.setTransactionTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
            manager.begin();
            XaTransaction transaction = new XaTransaction(manager.getTransaction(),
                    System.nanoTime() + timeout.toNanos(), method);
            CurrentXa.bind(transaction);
            begun.incrementAndGet();
            active.incrementAndGet();
            return transaction;
        } catch (jakarta.transaction.NotSupportedException | SystemException e) {
            throw new WeftBackendException("weft: Narayana could not begin the XA transaction of " + method, e);
        }
    }

    /** Narayana's transaction manager, initialised now if nothing did yet (recovery does, off the start-up path). */
    TransactionManager manager() {
        TransactionManager made = manager;
        if (made == null) {
            synchronized (this) {
                if (manager == null) {
                    manager = managerMaker.get();
                }
                made = manager;
            }
        }
        return made;
    }

    /**
     * Leaving the method: commit on a normal return, roll back when it threw (its exception then propagates
     * unchanged) or ran past its timeout ({@link TransactionTimeoutException}).
     */
    void end(XaTransaction transaction, Throwable thrown) {
        if (--transaction.depth > 0) {
            return;
        }
        CurrentXa.unbind();
        boolean cleanly = false;
        try {
            if (thrown != null) {
                cleanly = rollback(transaction);
            } else if (System.nanoTime() - transaction.deadline > 0 || rolledBackByTimeout()) {
                cleanly = rollback(transaction);
                timedOut.incrementAndGet();
                throw new TransactionTimeoutException("weft: " + transaction.method + " ran past its XA timeout;"
                        + " its transaction was rolled back");
            } else {
                commit(transaction);
                cleanly = true;
            }
        } finally {
            disassociate();
            boolean reusable = cleanly;
            transaction.branches().forEach(branch -> branch.release(reusable, idle));
            active.decrementAndGet();
        }
    }

    /** At exit: the XA connections kept for the next transactions are closed. */
    void close() {
        idle.close();
    }

    private boolean rolledBackByTimeout() {
        try {
            int status = manager.getStatus();
            return status == Status.STATUS_ROLLEDBACK || status == Status.STATUS_MARKED_ROLLBACK
                    || status == Status.STATUS_ROLLING_BACK;
        } catch (SystemException e) {
            return false;
        }
    }

    private void commit(XaTransaction transaction) {
        try {
            manager.commit();
            committed.incrementAndGet();
        } catch (RollbackException e) {
            rolledBack.incrementAndGet();
            if (System.nanoTime() - transaction.deadline > 0) {
                timedOut.incrementAndGet();
                throw new TransactionTimeoutException("weft: " + transaction.method + " ran past its XA timeout;"
                        + " its transaction was rolled back");
            }
            throw new WeftBackendException("weft: the XA transaction of " + transaction.method + " rolled back"
                    + " instead of committing (a database refused to prepare): " + rootMessage(e), e);
        } catch (HeuristicMixedException | HeuristicRollbackException e) {
            failed.incrementAndGet();
            throw new WeftBackendException("weft: the XA transaction of " + transaction.method + " ended with a"
                    + " heuristic outcome: some branches may have committed and others not; see dev.weft:type=XA", e);
        } catch (SystemException | RuntimeException e) {
            failed.incrementAndGet();
            throw new WeftBackendException("weft: the outcome of the XA transaction of " + transaction.method
                    + " is unknown; recovery finishes it (dev.weft:type=XA lists what it cannot)", e);
        }
    }

    /** @return whether the rollback went through here (not the reaper's, nor failed) */
    private boolean rollback(XaTransaction transaction) {
        rolledBack.incrementAndGet();
        try {
            manager.rollback();
            return true;
        } catch (IllegalStateException | SystemException | SecurityException e) {
            // The reaper may have rolled it back already (a timeout); what the branches hold is released either way
            Log.debug("rolling back the XA transaction of " + transaction.method + ": " + e);
            return false;
        }
    }

    private void disassociate() {
        try {
            if (manager.getTransaction() != null) {
                manager.suspend();
            }
        } catch (SystemException e) {
            Log.warn("could not detach a finished XA transaction from its thread: " + e);
        }
    }

    /**
     * The connection the application gets inside {@code transaction} instead of {@code obtained}, which goes back to
     * its pool (or is closed) at once.
     */
    Connection enlist(XaTransaction transaction, Connection obtained) {
        try {
            ConnectionSource source = openings.of(Connections.physical(obtained))
                    .orElseThrow(() -> notSeen(obtained));
            Branch branch = transaction.branch(source.database());
            if (branch == null) {
                branch = open(transaction, source);
                transaction.add(branch);
            }
            return EnlistedConnection.over(branch);
        } finally {
            closeQuietly(obtained);
        }
    }

    private Branch open(XaTransaction transaction, ConnectionSource source) {
        XaDatabase database = source.database();
        Products product = Products.of(database);
        XAConnection kept = idle.take(database);
        XAConnection xa = kept != null ? kept : ownOpening(source);
        try {
            Connection logical = xa.getConnection();
            if (!canPrepare.contains(database)) {
                product.checkCanPrepare(logical, database);
                canPrepare.add(database);
            }
            known.add(database);
            BranchResource resource = new BranchResource(xa.getXAResource(), database, halts);
            if (!transaction.narayana.enlistResource(resource)) {
                throw new WeftBackendException("weft: Narayana refused to enlist " + database + " in the XA"
                        + " transaction of " + transaction.method, null);
            }
            return new Branch(database, xa, logical, resource);
        } catch (SQLException | RollbackException | SystemException e) {
            XaConnections.closeQuietly(xa, database);
            throw new WeftBackendException("weft: could not enlist " + database + " in the XA transaction of "
                    + transaction.method + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            XaConnections.closeQuietly(xa, database);
            throw e;
        }
    }

    private static XAConnection ownOpening(ConnectionSource source) {
        try {
            return source.open();
        } catch (SQLException e) {
            throw new WeftBackendException("weft: could not open an XA connection to " + source.database() + ": "
                    + e.getMessage(), e);
        }
    }

    private static WeftConfigException notSeen(Connection obtained) {
        String database;
        try {
            DatabaseMetaData metaData = obtained.getMetaData();
            XaDatabase seen = new XaDatabase(metaData.getURL(), metaData.getUserName());
            Products.of(seen); // names the databases Weft enlists when this is not one
            database = seen.toString();
        } catch (SQLException e) {
            database = "a database that does not say which (" + e.getMessage() + ")";
        }
        return new WeftConfigException("weft: cannot enlist the connection to " + database + " in an XA transaction:"
                + " Weft did not see how it was opened (by Driver.connect or an XADataSource), so it cannot open an"
                + " XA connection with the same credentials. Open the pool after the agent started (-javaagent, not"
                + " a late attach), or remove the method from xa.global");
    }


    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            Log.debug("closing " + closeable + ": " + e);
        }
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
