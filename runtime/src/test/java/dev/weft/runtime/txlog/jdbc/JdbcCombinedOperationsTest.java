package dev.weft.runtime.txlog.jdbc;

import dev.weft.runtime.jdbc.RealDatabase;
import dev.weft.runtime.txlog.CombinedOperationsContract;
import dev.weft.runtime.txlog.SharedTransactionLog;
import org.junit.jupiter.api.Nested;

class JdbcCombinedOperationsTest {
    @Nested
    class OnH2 extends CombinedOperationsContract {
        @Override
        protected SharedTransactionLog openLog() throws Exception {
            return Logs.open(RealDatabase.H2.empty());
        }
    }

    @Nested
    class OnPostgresql extends CombinedOperationsContract {
        @Override
        protected SharedTransactionLog openLog() throws Exception {
            return Logs.open(RealDatabase.POSTGRESQL.empty());
        }
    }
}
