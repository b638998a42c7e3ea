package dev.weft.runtime.jmx;

import dev.weft.runtime.xa.InDoubt;
import java.util.List;

/**
 * {@code dev.weft:type=XA}: XA transactions of {@code xa.global} methods (docs/xa.md). The counts are this process's
 * since it started; {@code Unresolved} is read from the databases now.
 */
public interface XaMXBean {
    long getBegun();

    long getCommitted();

    long getRolledBack();

    long getTimedOut();

    /** Ended with a heuristic or unknown outcome. */
    long getFailed();

    /** Open now. */
    long getActive();

    /** Prepared branches of this node the databases hold: in doubt, or committing right now. */
    List<InDoubt> getUnresolved();

    /** Commits the prepared branch with that xid (as listed); false when no reachable database holds it. */
    boolean commit(String xid);

    /** Rolls back the prepared branch with that xid (as listed); false when no reachable database holds it. */
    boolean rollback(String xid);
}
