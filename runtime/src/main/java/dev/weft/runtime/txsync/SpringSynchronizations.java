package dev.weft.runtime.txsync;

import dev.weft.runtime.lock.TransactionEnds;
import java.lang.reflect.Method;

/**
 * Spring-managed transactions ({@code @Transactional} on the proxy in front of the woven bean, CGLIB or JDK;
 * {@code TransactionTemplate}; any {@code PlatformTransactionManager}): while synchronization is active on the
 * thread, a {@code TransactionSynchronization} is registered whose {@code afterCompletion} releases the lock. Spring
 * calls it once the outermost transaction of the scope has committed or rolled back. Spring is found through the
 * woven class's loader, never compiled against (docs/locks.md).
 */
public final class SpringSynchronizations implements TransactionEnds {
    private static final String MANAGER = "org.springframework.transaction.support.TransactionSynchronizationManager";
    private static final String SYNCHRONIZATION = "org.springframework.transaction.support.TransactionSynchronization";

    private final ClassValue<Spring> spring = new ClassValue<>() {
        @Override
        protected Spring computeValue(Class<?> woven) {
            return Spring.find(woven.getClassLoader());
        }
    };

    @Override
    public void attach(Class<?> woven, PendingRelease release) {
        Spring found = spring.get(woven);
        if (found != null && found.synchronizationActive()) {
            found.register(AfterCompletion.of(found.synchronization, release.awaitEnd(), release.describe()));
        }
    }

    /** Spring's transaction synchronization, as one application class loader sees it. */
    private record Spring(Method isSynchronizationActive, Method registerSynchronization, Class<?> synchronization) {
        /** Null when the loader sees no Spring transactions. */
        static Spring find(ClassLoader loader) {
            try {
                Class<?> manager = Class.forName(MANAGER, false, loader);
                Class<?> synchronization = Class.forName(SYNCHRONIZATION, false, loader);
                return new Spring(manager.getMethod("isSynchronizationActive"),
                        manager.getMethod("registerSynchronization", synchronization), synchronization);
            } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
                return null;
            }
        }

        boolean synchronizationActive() {
            return (Boolean) Reflection.call(isSynchronizationActive, null);
        }

        void register(Object callback) {
            Reflection.call(registerSynchronization, null, callback);
        }
    }
}
