package dev.weft.runtime.txlog;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The file log, a log with one member, keeps the contract of the shared ones. */
class FileCombinedOperationsTest extends CombinedOperationsContract {
    @TempDir
    Path dir;

    @Override
    protected TransactionLog openLog() {
        return FileTransactionLog.open(dir);
    }
}
