package dev.weft.runtime.tcc;

import dev.weft.runtime.txlog.LogRecord;
import dev.weft.runtime.txlog.RecoveredTransaction;
import dev.weft.runtime.txlog.RecordLog;
import dev.weft.runtime.txlog.TransactionLogException;
import java.util.List;

/** Records that can be made to fail every write, like a full disk, until {@link #fixed}. */
final class BrokenLog implements RecordLog {
    private final RecordLog log;
    private volatile boolean broken;

    BrokenLog(RecordLog log) {
        this.log = log;
    }

    void breaks() {
        broken = true;
    }

    void fixed() {
        broken = false;
    }

    private void check() {
        if (broken) {
            throw new TransactionLogException("No space left on device");
        }
    }

    @Override public List<RecoveredTransaction> recovered() { return log.recovered(); }
    @Override public long append(LogRecord record) { check(); return log.append(record); }
    @Override public void awaitWritten(long position) { check(); log.awaitWritten(position); }
    @Override public void awaitDurable(long position) { check(); log.awaitDurable(position); }
    @Override public void checkWritable() { check(); log.checkWritable(); }
    @Override public boolean repair() { return !broken && log.repair(); }
    @Override public String describe() { return log.describe(); }
    @Override public void close() { log.close(); }
}
