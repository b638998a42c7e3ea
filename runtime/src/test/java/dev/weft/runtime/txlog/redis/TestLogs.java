package dev.weft.runtime.txlog.redis;

import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.txlog.LogRecord;
import dev.weft.runtime.txlog.ParticipantId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Shared set-up of the Redis log's tests. */
final class TestLogs {
    static final Duration GENEROUS = Duration.ofSeconds(30);
    static final ParticipantId DEBIT = new ParticipantId("com.acme.AccountService", "debit",
            "(Ljava/lang/String;J)V", "confirmDebit", "cancelDebit");
    static final ParticipantId CREDIT = new ParticipantId("com.acme.LedgerService", "credit",
            "(Ljava/lang/String;J)V", "confirmCredit", "cancelCredit");

    private TestLogs() {
    }

    static RedisSettings settings(String uri, Duration timeout) {
        return new RedisSettings(uri, List.of(), timeout, "weft:");
    }

    static RedisTransactionLog open(String uri) {
        return new RedisTransactionLog(settings(uri, Duration.ofSeconds(5)));
    }

    static String xid() {
        return UUID.randomUUID().toString();
    }

    /** Begun now, due for rollback in an hour. */
    static String begin(RedisTransactionLog log) {
        String xid = xid();
        long now = System.currentTimeMillis();
        log.begin(new LogRecord.Begin(xid, now, now + Duration.ofHours(1).toMillis(), "com.acme.TransferService#transfer"));
        return xid;
    }
}
