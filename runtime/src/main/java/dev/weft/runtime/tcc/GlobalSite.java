package dev.weft.runtime.tcc;

import dev.weft.api.TransactionNestingException;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.xa.CurrentXa;
import java.time.Duration;

/**
 * A global method: begins a global transaction on this thread, or joins the one already there; the outermost one
 * decides and finishes it when it returns or throws.
 */
final class GlobalSite implements Site {
    /** The scope of a nested global method: the outer one decides. */
    private static final Object JOINED = new Object();

    private final String origin;
    private final Duration timeout;
    private final Coordination coordinator;

    GlobalSite(String origin, Duration timeout, Coordination coordinator) {
        this.origin = origin;
        this.timeout = timeout;
        this.coordinator = coordinator;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        if (CurrentTransaction.get() != null) {
            return JOINED;
        }
        if (CurrentXa.active()) {
            throw new TransactionNestingException("weft: " + origin + " is a TCC global method, called inside an XA"
                    + " transaction (xa.global); TCC and XA transactions do not nest. Call it outside the XA method,"
                    + " or remove it from one of the two lists");
        }
        GlobalTransaction transaction = coordinator.begin(origin, timeout);
        CurrentTransaction.bind(transaction);
        return transaction;
    }

    /**
     * Tries handed off to other threads end first (see {@link HandedOffTries}). Phase two runs with no transaction on
     * the thread: a global method called from confirm begins its own.
     */
    @Override
    public void exit(Object scope, Throwable thrown) {
        if (scope == JOINED) {
            return;
        }
        CurrentTransaction.unbind();
        GlobalTransaction transaction = (GlobalTransaction) scope;
        transaction.handedOffTries.closeAndAwait();
        coordinator.complete(transaction, thrown);
    }
}
