package dev.weft.runtime.http;

import dev.weft.runtime.tcc.TransactionPropagation;
import dev.weft.runtime.weave.Site;

/**
 * Around the method that serves an HTTP request: binds the transaction its headers name to the serving thread until
 * the method returns. Only the outermost such call on a thread binds: a servlet forward or include, or a handler that
 * delegates to another, serves the same request again.
 */
final class IncomingSite implements Site {
    /** Set while a request is served on this thread, by whichever kind of server. */
    private static final ThreadLocal<Boolean> SERVING = new ThreadLocal<>();
    /** The scope of a nested call; not null, since a null scope would skip the method's body. */
    private static final Object NESTED = new Object();

    private final TransactionPropagation propagation;
    private final HeaderSource headers;

    IncomingSite(TransactionPropagation propagation, HeaderSource headers) {
        this.propagation = propagation;
        this.headers = headers;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        if (SERVING.get() != null) {
            return NESTED;
        }
        TransactionPropagation.Scope scope = propagation.bindIncoming(headers.of(declaringType, arguments[0]));
        SERVING.set(Boolean.TRUE);
        return scope;
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        if (scope != NESTED) {
            SERVING.remove();
            ((TransactionPropagation.Scope) scope).close();
        }
    }
}
