package dev.weft.runtime.tcc;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.ParticipantRule;
import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.lock.LockService;
import dev.weft.runtime.txlog.SharedTransactionLog;
import dev.weft.runtime.txlog.Wakeups;
import dev.weft.runtime.weave.Described;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.WeaveRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One instance of another service over the shared log: its {@code weft.yaml} names only {@link Warehouse#reserve} as a
 * participant, and it serves "HTTP requests" that carry the root's headers, as the HTTP weaving binds them.
 */
final class WarehouseService implements AutoCloseable {
    final Transactions transactions;
    final Warehouse warehouse = new Warehouse();
    private final Site reserve;

    WarehouseService(SharedTransactionLog log, Wakeups wakeups, LockService locks, TransactionSettings.Retry retry) {
        TransactionSettings settings = new TransactionSettings(TransactionSettings.LOG_REDIS, Path.of("unused"), null,
                Duration.ofSeconds(30), retry, List.of(),
                List.of(new ParticipantRule(MethodSelector.parse(Warehouse.class.getName() + "#reserve"),
                        "confirmReserve", "cancelReserve", Harness.AT)),
                Harness.AT);
        transactions = new Transactions(settings, log, wakeups, locks, false);
        WeaveRule rule = transactions.weaveRules().get(0);
        reserve = Harness.site(rule, Harness.method(Warehouse.class, "reserve"));
        rule.instanceSite(Described.type(Warehouse.class)).orElseThrow().exit(warehouse, null);
        transactions.start();
    }

    /** Serves one request with {@code headers}: the transaction is bound while {@code body} runs. */
    <T> T serve(Map<String, String> headers, Callable<T> body) throws Exception {
        try (TransactionPropagation.Scope scope = transactions.propagation().bindIncoming(headers::get)) {
            return body.call();
        }
    }

    void reserve(String sku, int count) throws Exception {
        Harness.woven(reserve, Warehouse.class, warehouse, new Object[] {sku, count}, () -> {
            warehouse.reserve(sku, count);
            return null;
        });
    }

    @Override
    public void close() {
        transactions.close();
    }
}
