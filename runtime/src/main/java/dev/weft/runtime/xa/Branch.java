package dev.weft.runtime.xa;

import dev.weft.runtime.log.Log;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.XAConnection;

/**
 * One database's part in one XA transaction: the XA connection Weft opened to it, and the one logical connection on
 * which every connection the application obtained to that database inside the transaction runs (PostgreSQL cannot
 * interleave two branches of one transaction on a server, and one branch per database is all 2PC needs).
 */
final class Branch {
    private final XaDatabase database;
    private final XAConnection xa;
    private final Connection logical;
    private final BranchResource resource;

    Branch(XaDatabase database, XAConnection xa, Connection logical, BranchResource resource) {
        this.database = database;
        this.xa = xa;
        this.logical = logical;
        this.resource = resource;
    }

    XaDatabase database() {
        return database;
    }

    Connection logical() {
        return logical;
    }

    BranchResource resource() {
        return resource;
    }

    /**
     * After the transaction ended: the XA connection is Weft's own, never the application's pool's. It serves the next
     * transaction when this one ended {@code cleanly}, and is closed otherwise.
     */
    void release(boolean cleanly, IdleXaConnections idle) {
        try {
            logical.close();
        } catch (SQLException | RuntimeException e) {
            Log.debug("closing the XA connection to " + database + ": " + e);
            cleanly = false;
        }
        if (cleanly) {
            idle.giveBack(database, xa);
        } else {
            XaConnections.closeQuietly(xa, database);
        }
    }
}
