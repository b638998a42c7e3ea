package dev.weft.runtime.xa;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the application gets instead of its pool's connection inside an XA method: a {@code Connection} over its
 * database's {@link Branch}. {@code commit}, {@code rollback} and {@code setAutoCommit} are absorbed (the global
 * outcome decides), {@code getAutoCommit} answers {@code false}, and {@code close} only closes this handle: the branch
 * stays open until the transaction ends. Every other call goes to the branch's connection.
 */
final class EnlistedConnection implements InvocationHandler {
    private final Branch branch;
    private boolean closed;

    private EnlistedConnection(Branch branch) {
        this.branch = branch;
    }

    static Connection over(Branch branch) {
        return (Connection) Proxy.newProxyInstance(EnlistedConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new EnlistedConnection(branch));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        String name = method.getName();
        int count = arguments == null ? 0 : arguments.length;
        switch (name) {
            case "close":
                closed = true;
                return null;
            case "isClosed":
                return closed;
            case "equals":
                return proxy == arguments[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "weft XA connection to " + branch.database() + (closed ? " (closed)" : "");
            default:
                break;
        }
        if (closed) {
            throw new SQLException("weft: this connection was closed (it belongs to an XA transaction)", "08003");
        }
        if ((name.equals("commit") || name.equals("rollback")) && count == 0 || name.equals("setAutoCommit")) {
            return null; // absorbed: the XA transaction commits or rolls back when the xa.global method ends
        }
        if (name.equals("getAutoCommit")) {
            return false;
        }
        Object result;
        try {
            result = method.invoke(branch.logical(), arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return leadsBackToTheConnection(method.getReturnType())
                ? EnlistedStatement.over(result, method.getReturnType(), (Connection) proxy)
                : result;
    }

    /** Statements and the metadata answer {@code getConnection()}: with this connection, not the driver's. */
    private static boolean leadsBackToTheConnection(Class<?> type) {
        return Statement.class.isAssignableFrom(type) || type == DatabaseMetaData.class;
    }
}
