package dev.weft.runtime.xa;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A database's {@code XAResource} as Narayana sees it: the driver's own, plus the database it belongs to (for
 * {@code dev.weft:type=XA}) and the {@link HaltPoints} the crash tests stop the JVM at. Everything else passes through.
 */
final class BranchResource implements XAResource {
    private final XAResource driver;
    private final XaDatabase database;
    private final HaltPoints halts;

    BranchResource(XAResource driver, XaDatabase database, HaltPoints halts) {
        this.driver = driver;
        this.database = database;
        this.halts = halts;
    }

    XaDatabase database() {
        return database;
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        int vote = driver.prepare(xid);
        halts.prepared();
        return vote;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        if (!onePhase) {
            halts.committing();
        }
        driver.commit(xid, onePhase);
        if (!onePhase) {
            halts.committed();
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        driver.rollback(xid);
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        driver.start(xid, flags);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        driver.end(xid, flags);
    }

    @Override
    public void forget(Xid xid) throws XAException {
        driver.forget(xid);
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return driver.recover(flag);
    }

    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        return driver.isSameRM(other instanceof BranchResource branch ? branch.driver : other);
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return driver.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return driver.setTransactionTimeout(seconds);
    }

    @Override
    public String toString() {
        return "XA branch on " + database;
    }
}
