package com.acme.bench;

import com.arjuna.ats.arjuna.common.ObjectStoreEnvironmentBean;
import com.arjuna.ats.arjuna.common.CoreEnvironmentBean;
import com.arjuna.common.internal.util.propertyservice.BeanPopulator;
import jakarta.transaction.TransactionManager;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.XAConnection;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The same transfer as {@link TwoBanks}, written by hand against Narayana: the floor Weft's XA is measured against.
 * Each caller keeps one XA connection per database (what an XA pool hands out) and enlists their resources in a
 * transaction of its own; Narayana's log is fsynced as in Weft's.
 */
public class HandWiredXaBanks {
    private final TransactionManager transactions;

    /** Narayana's settings must be made before its classes initialise, so this comes first in the JVM. */
    public HandWiredXaBanks(Path objectStore) {
        for (String name : new String[] {null, "communicationStore", "stateStore"}) {
            ObjectStoreEnvironmentBean store = name == null
                    ? BeanPopulator.getDefaultInstance(ObjectStoreEnvironmentBean.class)
                    : BeanPopulator.getNamedInstance(ObjectStoreEnvironmentBean.class, name);
            store.setObjectStoreDir(objectStore.toString());
            store.setObjectStoreSync(true);
        }
        try {
            BeanPopulator.getDefaultInstance(CoreEnvironmentBean.class).setNodeIdentifier("bench");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        transactions = com.arjuna.ats.jta.TransactionManager.transactionManager();
    }

    /** One caller's pair of XA connections. */
    public Caller caller(String firstUrl, String secondUrl) throws SQLException {
        return new Caller(open(firstUrl), open(secondUrl));
    }

    private static XAConnection open(String url) throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        return source.getXAConnection();
    }

    /**
     * One caller's XA connections and their handles, kept for the whole run: H2 rolls back the branch's work when a
     * handle is closed inside the transaction, so an XA pool closes it only after the transaction ends.
     */
    public final class Caller {
        private final XAConnection first;
        private final XAConnection second;
        private final Connection firstHandle;
        private final Connection secondHandle;

        private Caller(XAConnection first, XAConnection second) throws SQLException {
            this.first = first;
            this.second = second;
            this.firstHandle = first.getConnection();
            this.secondHandle = second.getConnection();
        }

        public void move(long account) throws Exception {
            transactions.begin();
            try {
                transactions.getTransaction().enlistResource(first.getXAResource());
                transactions.getTransaction().enlistResource(second.getXAResource());
                TwoBanks.update(firstHandle, account, -1);
                TwoBanks.update(secondHandle, account, 1);
            } catch (Exception | Error e) {
                transactions.rollback();
                throw e;
            }
            transactions.commit();
        }
    }
}
