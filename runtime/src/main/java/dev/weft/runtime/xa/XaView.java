package dev.weft.runtime.xa;

import java.util.List;

/** What operators see of XA transactions ({@code dev.weft:type=XA}, {@code weft status}); no JMX types. */
public interface XaView {
    long begun();

    long committed();

    long rolledBack();

    long timedOut();

    /** Ended with a heuristic or unknown outcome: left to recovery, or to an operator. */
    long failed();

    /** Open now, in this process. */
    long active();

    /**
     * Branches of this node the recorded databases hold prepared, read now; includes those of transactions committing
     * at this moment. Databases whose password this run has not seen yet (the application has not connected to them)
     * are not asked.
     */
    List<InDoubt> unresolved();

    /** Commits the prepared branch with that xid; false when no reachable database holds it. */
    boolean commit(String xid);

    /** Rolls back the prepared branch with that xid; false when no reachable database holds it. */
    boolean rollback(String xid);
}
