package dev.weft.runtime.notification;

import dev.weft.runtime.tcc.TransactionPropagation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The headers of HTTP requests on their way out, plus {@code Weft-Idempotency-Key: <id>} on those a notification call
 * sends (its first attempt and every retry carry the same id), on the clients TCC propagation covers: the JDK's
 * {@code HttpClient} and {@code HttpURLConnection}, OkHttp, Apache HttpClient 5.
 */
public final class IdempotencyKeys implements TransactionPropagation {
    public static final String HEADER = "Weft-Idempotency-Key";

    private final TransactionPropagation transactions;

    /** @param transactions the global transaction's own headers ({@link TransactionPropagation#NONE} without TCC) */
    public IdempotencyKeys(TransactionPropagation transactions) {
        this.transactions = transactions;
    }

    @Override
    public Map<String, String> outgoingHeaders() {
        Map<String, String> headers = transactions.outgoingHeaders();
        Optional<String> id = CurrentCall.id();
        if (id.isEmpty()) {
            return headers;
        }
        Map<String, String> withKey = new HashMap<>(headers);
        withKey.put(HEADER, id.get());
        return withKey;
    }

    @Override
    public Scope bindIncoming(UnaryOperator<String> header) {
        return transactions.bindIncoming(header);
    }
}
