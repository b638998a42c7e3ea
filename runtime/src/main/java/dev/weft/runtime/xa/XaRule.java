package dev.weft.runtime.xa;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import java.time.Duration;

/**
 * An {@code xa.global} entry (docs/xa.md): every JDBC connection obtained inside a matched method takes part in one
 * XA transaction, committed in two phases when the method returns.
 *
 * @param timeout past it the transaction is rolled back and the caller gets {@code TransactionTimeoutException}
 */
public record XaRule(MethodSelector method, Duration timeout, SourcePosition position) {
}
