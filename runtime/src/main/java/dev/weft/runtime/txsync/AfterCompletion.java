package dev.weft.runtime.txsync;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A transaction manager's callback interface (Spring's {@code TransactionSynchronization}, JTA's
 * {@code Synchronization}) implemented without compiling against it: a {@link Proxy} defined in the application's
 * class loader, whose {@code afterCompletion} runs the lock's release and whose other callbacks do nothing.
 */
final class AfterCompletion implements InvocationHandler {
    /** Spring's {@code Ordered.LOWEST_PRECEDENCE}: after the application's own synchronizations. */
    private static final int LAST = Integer.MAX_VALUE;

    private final Runnable ended;
    private final String description;

    private AfterCompletion(Runnable ended, String description) {
        this.ended = ended;
        this.description = description;
    }

    /** An instance of {@code callback}, visible from {@code callback}'s own loader. */
    static Object of(Class<?> callback, Runnable ended, String description) {
        return Proxy.newProxyInstance(callback.getClassLoader(), new Class<?>[] {callback},
                new AfterCompletion(ended, description));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "afterCompletion" -> ended.run();
            case "getOrder" -> {
                return LAST;
            }
            case "equals" -> {
                return proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "toString" -> {
                return "Weft: release of lock " + description + " once the transaction has ended";
            }
            default -> {
                // beforeCommit, beforeCompletion, suspend, resume, flush, ...: nothing to do before the end
            }
        }
        return null;
    }
}
