package dev.weft.runtime.notification;

import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.jdbc.RealDatabase;
import dev.weft.runtime.txlog.jdbc.LogDatabase;
import java.util.List;

/** {@link NotificationStoreContract} in table weft_notification of a new H2 database, created on first use. */
class H2NotificationStoreTest extends NotificationStoreContract {
    @Override
    NotificationStore open() throws Exception {
        RealDatabase.Location at = RealDatabase.H2.empty();
        return new JdbcNotificationStore(LogDatabase.of(new TransactionSettings.JdbcLog(at.url(), at.user(),
                at.password()), List::of, (connection, product) -> {
                    JdbcNotificationStore.setUp(connection, product);
                    return null;
                }));
    }
}
