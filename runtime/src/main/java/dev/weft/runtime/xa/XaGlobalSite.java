package dev.weft.runtime.xa;

import dev.weft.runtime.weave.Site;
import java.time.Duration;

/** Around an {@code xa.global} method: its XA transaction begins before the body and ends after it. */
final class XaGlobalSite implements Site {
    private final XaTransactions transactions;
    private final String method;
    private final Duration timeout;

    XaGlobalSite(XaTransactions transactions, String method, Duration timeout) {
        this.transactions = transactions;
        this.method = method;
        this.timeout = timeout;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        return transactions.begin(method, timeout);
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        transactions.end((XaTransaction) scope, thrown);
    }
}
