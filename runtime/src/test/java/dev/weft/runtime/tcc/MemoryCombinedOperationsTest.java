package dev.weft.runtime.tcc;

import dev.weft.runtime.txlog.CombinedOperationsContract;
import dev.weft.runtime.txlog.TransactionLog;

/** The in-memory log the coordination tests use keeps the same contract as the real ones. */
class MemoryCombinedOperationsTest extends CombinedOperationsContract {
    @Override
    protected TransactionLog openLog() {
        return new MemoryTransactionLog();
    }
}
