package dev.weft.runtime.xa;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * A statement (or the database metadata) of an {@link EnlistedConnection}, whose {@code getConnection()} answers that
 * enlisted connection rather than the driver's: code that commits through {@code statement.getConnection()} must meet
 * the same absorbed {@code commit()} as code that commits on the connection it was handed.
 */
final class EnlistedStatement implements InvocationHandler {
    private final Object statement;
    private final Connection enlisted;

    private EnlistedStatement(Object statement, Connection enlisted) {
        this.statement = statement;
        this.enlisted = enlisted;
    }

    /** {@code statement} seen through {@code type}, the interface the connection's method declared it returns. */
    static Object over(Object statement, Class<?> type, Connection enlisted) {
        return Proxy.newProxyInstance(EnlistedStatement.class.getClassLoader(), new Class<?>[] {type},
                new EnlistedStatement(statement, enlisted));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        switch (method.getName()) {
            case "getConnection":
                return enlisted;
            case "equals":
                return proxy == arguments[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                break;
        }
        try {
            return method.invoke(statement, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
