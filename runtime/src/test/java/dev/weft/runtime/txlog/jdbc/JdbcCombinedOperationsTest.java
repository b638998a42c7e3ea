package dev.weft.runtime.txlog.jdbc;

import dev.weft.runtime.jdbc.RealDatabase;
import dev.weft.runtime.txlog.CombinedOperationsContract;
import dev.weft.runtime.txlog.TransactionLog;
import org.junit.jupiter.api.Nested;

class JdbcCombinedOperationsTest {
    @Nested
    class OnH2 extends CombinedOperationsContract {
        @Override
        protected TransactionLog openLog() throws Exception {
            return Logs.open(RealDatabase.H2.empty());
        }
    }

    @Nested
    class OnPostgresql extends CombinedOperationsContract {
        @Override
        protected TransactionLog openLog() throws Exception {
            return Logs.open(RealDatabase.POSTGRESQL.empty());
        }
    }
}
