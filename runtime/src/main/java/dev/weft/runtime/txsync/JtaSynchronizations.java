package dev.weft.runtime.txsync;

import dev.weft.runtime.lock.TransactionEnds;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * JTA transactions ({@code jakarta.transaction} and {@code javax.transaction}): when the thread's transaction is
 * active, a {@code Synchronization} is registered whose {@code afterCompletion} releases the lock; the transaction
 * manager calls it after the commit or rollback, on the thread that ended it (a timeout's reaper thread, say).
 *
 * <p>The transaction manager is found with no code or configuration through the static accessor of each
 * transaction manager the woven class's loader can see: Narayana's {@code com.arjuna.ats.jta.TransactionManager
 * .transactionManager()}, Atomikos's {@code TransactionManagerImp.getTransactionManager()} and Bitronix's
 * {@code TransactionManagerServices.getTransactionManager()} (only once it runs). Others, such as an application
 * server's own, are not found; docs/locks.md says so.
 */
public final class JtaSynchronizations implements TransactionEnds {
    /** {@code Status.STATUS_ACTIVE}, {@code STATUS_MARKED_ROLLBACK}, {@code STATUS_COMMITTED} .. by their values. */
    private static final int ACTIVE = 0;
    private static final int MARKED_ROLLBACK = 1;
    private static final int COMMITTED = 3;
    private static final int ROLLED_BACK = 4;
    private static final int NO_TRANSACTION = 6;

    private final ClassValue<List<Manager>> managers = new ClassValue<>() {
        @Override
        protected List<Manager> computeValue(Class<?> woven) {
            return Manager.visibleFrom(woven.getClassLoader());
        }
    };

    @Override
    public void attach(Class<?> woven, PendingRelease release) {
        for (Manager manager : managers.get(woven)) {
            manager.attach(release);
        }
    }

    /** One transaction manager's accessor, with the JTA API (javax or jakarta) it implements. */
    private record Manager(Method accessor, Method running, Method getTransaction, Method getStatus,
                           Method registerSynchronization, Class<?> synchronization) {
        private static final String[][] ACCESSORS = {
                // class, static accessor, static "is it running" check (or null)
                {"com.arjuna.ats.jta.TransactionManager", "transactionManager", null},
                {"com.atomikos.icatch.jta.TransactionManagerImp", "getTransactionManager", null},
                {"bitronix.tm.TransactionManagerServices", "getTransactionManager", "isTransactionManagerRunning"},
        };

        static List<Manager> visibleFrom(ClassLoader loader) {
            List<Manager> found = new ArrayList<>();
            for (String[] accessor : ACCESSORS) {
                try {
                    Class<?> type = Class.forName(accessor[0], false, loader);
                    Method get = type.getMethod(accessor[1]);
                    Method running = accessor[2] == null ? null : type.getMethod(accessor[2]);
                    String api = get.getReturnType().getPackageName();
                    Class<?> manager = Class.forName(api + ".TransactionManager", false, loader);
                    Class<?> transaction = Class.forName(api + ".Transaction", false, loader);
                    Class<?> synchronization = Class.forName(api + ".Synchronization", false, loader);
                    found.add(new Manager(get, running, manager.getMethod("getTransaction"),
                            transaction.getMethod("getStatus"),
                            transaction.getMethod("registerSynchronization", synchronization), synchronization));
                } catch (ClassNotFoundException | NoSuchMethodException | LinkageError absent) {
                    // this transaction manager is not on the application's class path
                }
            }
            return List.copyOf(found);
        }

        void attach(PendingRelease release) {
            if (running != null && !(Boolean) Reflection.call(running, null)) {
                return;
            }
            Object manager = Reflection.call(accessor, null);
            Object transaction = manager == null ? null : Reflection.call(getTransaction, manager);
            if (transaction == null) {
                return;
            }
            int status = (Integer) Reflection.call(getStatus, transaction);
            if (status == MARKED_ROLLBACK || status == COMMITTED || status == ROLLED_BACK
                    || status == NO_TRANSACTION) {
                return; // nothing of the method's work will ever be committed by it
            }
            if (status != ACTIVE) {
                throw new IllegalStateException("the JTA transaction is completing (status " + status + ")");
            }
            Runnable ended = release.awaitEnd();
            try {
                Reflection.call(registerSynchronization, transaction,
                        AfterCompletion.of(synchronization, ended, release.describe()));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                if (!e.getClass().getSimpleName().equals("RollbackException")) {
                    throw new IllegalStateException(e.toString(), e);
                }
                // marked for rollback meanwhile: nothing will be committed, so no need to wait
                ended.run();
            }
        }
    }
}
