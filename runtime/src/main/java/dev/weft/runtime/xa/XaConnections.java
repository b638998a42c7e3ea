package dev.weft.runtime.xa;

import dev.weft.runtime.log.Log;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.XAConnection;

/** What Weft does with the XA connections it opened itself, for transactions and for recovery alike. */
final class XaConnections {
    private XaConnections() {
    }

    /** Whether the database still answers on {@code xa}, asked on a handle that is closed again at once. */
    static boolean isValid(XAConnection xa, int timeoutSeconds) {
        try (Connection logical = xa.getConnection()) {
            return logical.isValid(timeoutSeconds);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Closing is best effort: the connection is done with, and the database drops a broken one itself. */
    static void closeQuietly(XAConnection xa, XaDatabase database) {
        try {
            xa.close();
        } catch (SQLException | RuntimeException e) {
            Log.debug("closing the XA connection to " + database + ": " + e);
        }
    }
}
