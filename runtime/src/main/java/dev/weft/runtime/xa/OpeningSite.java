package dev.weft.runtime.xa;

import dev.weft.runtime.weave.Site;
import java.sql.Connection;

/**
 * Around every {@code Driver.connect} and {@code DataSource.getConnection}: remembers how each connection was opened
 * ({@link Openings}), and inside an XA method replaces what the application's outermost opening returns with a
 * connection enlisted in the transaction ({@link XaTransactions#enlist}). Its scope is never {@code null}: that would
 * skip the body.
 */
final class OpeningSite implements Site {
    private final Openings openings;
    private final XaTransactions transactions;

    OpeningSite(Openings openings, XaTransactions transactions) {
        this.openings = openings;
        this.transactions = transactions;
    }

    private record Opening(Object opener, Object[] arguments, boolean outermost) {
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        return new Opening(self, arguments, CurrentXa.enterOpening() == 0);
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        CurrentXa.exitOpening();
    }

    @Override
    public Object exitReplacing(Object scope, Object returned, Throwable thrown) {
        CurrentXa.exitOpening();
        if (thrown != null || !(returned instanceof Connection connection)) {
            return returned;
        }
        Opening opening = (Opening) scope;
        ConnectionSource.of(opening.opener(), opening.arguments())
                .ifPresent(source -> openings.opened(connection, source));
        XaTransaction transaction = CurrentXa.get();
        return transaction == null || !opening.outermost() ? returned : transactions.enlist(transaction, connection);
    }
}
