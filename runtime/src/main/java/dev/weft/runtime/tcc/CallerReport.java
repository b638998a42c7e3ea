package dev.weft.runtime.tcc;

import dev.weft.api.TransactionTimeoutException;
import dev.weft.api.WeftBackendException;
import java.time.Instant;

/** What the application is told when a global transaction or one of its tries did not go as its code expects. */
final class CallerReport {
    private CallerReport() {
    }

    static WeftBackendException notCommitted(GlobalTransaction transaction, String why) {
        return new WeftBackendException("global transaction " + transaction.xid + " (" + transaction.origin + ")"
                + " was NOT committed: " + why, null);
    }

    /** A joined transaction knows only its root's deadline, sent with the request, not when the root began it. */
    static TransactionTimeoutException tryPastTimeout(GlobalTransaction transaction, Participant participant) {
        String past = transaction.joined ? "its deadline " + Instant.ofEpochMilli(transaction.deadline)
                : "its timeout of " + timeout(transaction);
        return new TransactionTimeoutException("global transaction " + transaction.xid + " (" + transaction.origin
                + ") is past " + past + "; the try " + participant + " was not run and the transaction will roll back");
    }

    /** A task the global method handed off called a try after the global method had ended. */
    static WeftBackendException tryAfterGlobalMethod(GlobalTransaction transaction, Participant participant) {
        return new WeftBackendException("the try " + participant + " was called on a thread that global transaction "
                + transaction.xid + " (" + transaction.origin + ") handed work to, after its global method had ended;"
                + " it was not run, since it could neither be confirmed nor cancelled. Wait for the tasks a global"
                + " method hands off (Future.get, CompletableFuture.join) before it returns", null);
    }

    /**
     * A global method that returned normally but was rolled back anyway: a try the barrier refused, or its timeout.
     * One that threw keeps its own exception.
     */
    static void rolledBackAfterReturn(GlobalTransaction transaction, Throwable thrown, String rollbackOnly,
                                      boolean late) {
        if (thrown == null && rollbackOnly != null) {
            throw notCommitted(transaction, rollbackOnly + "; it was rolled back");
        }
        if (thrown == null && late) {
            throw new TransactionTimeoutException("global transaction " + transaction.xid + " (" + transaction.origin
                    + ") ran past its timeout of " + timeout(transaction) + "; its " + transaction.branchCount()
                    + " branch(es) were rolled back");
        }
    }

    static String timeout(GlobalTransaction transaction) {
        return (transaction.deadline - transaction.startedAt) + "ms";
    }
}
