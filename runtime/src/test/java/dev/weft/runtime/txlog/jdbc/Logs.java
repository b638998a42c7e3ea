package dev.weft.runtime.txlog.jdbc;

import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.jdbc.RealDatabase;
import dev.weft.runtime.txlog.LogRecord;
import dev.weft.runtime.txlog.ParticipantId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/** Opening logs on test databases, and running tasks at once. */
final class Logs {
    static final ParticipantId DEBIT = new ParticipantId("com.acme.Accounts", "debit", "(Ljava/lang/String;J)V",
            "confirmDebit", "cancelDebit");
    /** The log's clock in these tests: it only stamps decisions and retries, which the tests then read back. */
    static final long NOW = 1_000_000L;

    private Logs() {
    }

    static JdbcTransactionLog open(RealDatabase.Location at) {
        return open(at, () -> NOW);
    }

    static JdbcTransactionLog open(RealDatabase.Location at, LongSupplier clock) {
        return JdbcTransactionLog.open(new TransactionSettings.JdbcLog(at.url(), at.user(), at.password()), clock);
    }

    /** A transaction begun at {@link #NOW}, due at its deadline. */
    static LogRecord.Begin begin(String xid, long deadline) {
        return new LogRecord.Begin(xid, NOW, deadline, "com.acme.Transfers#transfer(..)");
    }

    /** Runs {@code count} tasks on as many threads, all released at once; their results in task order. */
    static <T> List<T> atOnce(int count, IntFunction<T> task) throws InterruptedException, ExecutionException {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.apply(index);
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
