package dev.weft.runtime.txlog;

import java.util.List;
import java.util.Set;

/**
 * An unfinished transaction as replayed from the log when it was opened.
 *
 * @param failedTries ids of branches whose try threw, to be cancelled whatever the decision ({@code jdbc.barrier})
 * @param done    ids of branches that need nothing more
 * @param failure why phase two gave up (the transaction is FAILED), or null
 */
public record RecoveredTransaction(LogRecord.Begin begin, Phase phase, List<LogRecord.Branch> branches,
                                   Set<Integer> failedTries, Set<Integer> done, String failure) {
    public RecoveredTransaction {
        branches = List.copyOf(branches);
        failedTries = Set.copyOf(failedTries);
        done = Set.copyOf(done);
    }

    public String xid() {
        return begin.xid();
    }
}
