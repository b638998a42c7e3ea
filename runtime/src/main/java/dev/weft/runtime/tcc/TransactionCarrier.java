package dev.weft.runtime.tcc;

import dev.weft.runtime.context.Carrier;

/**
 * Carries the global transaction of the thread that hands work off to the thread that runs it (docs/distributed-tcc.md,
 * "Hand-offs inside one JVM"). A try there registers its branch in that transaction (see {@link HandedOffTries}).
 */
final class TransactionCarrier implements Carrier {
    private static final Attached NOTHING_ATTACHED = () -> {
    };

    @Override
    public Captured capture() {
        GlobalTransaction transaction = CurrentTransaction.get();
        return transaction == null ? null : () -> attach(transaction);
    }

    /** A task run on the handing thread itself (a caller-runs policy, a direct executor) is already inside it. */
    private static Attached attach(GlobalTransaction transaction) {
        GlobalTransaction previous = CurrentTransaction.get();
        if (previous == transaction) {
            return NOTHING_ATTACHED;
        }
        CurrentTransaction.bind(transaction);
        return previous == null ? CurrentTransaction::unbind : () -> CurrentTransaction.bind(previous);
    }
}
