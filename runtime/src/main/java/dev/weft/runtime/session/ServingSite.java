package dev.weft.runtime.session;

import dev.weft.runtime.log.Log;
import dev.weft.runtime.weave.Site;

/**
 * Around the outermost servlet or filter chain call that serves a request ({@code HttpServlet.service},
 * {@code FilterChain.doFilter}): binds a {@link ServedRequest} to the thread, and when the call returns writes back
 * what the request did to its sessions, once. When Redis fails, the request fails: with 503 while the response is not
 * committed yet, else with the exception as it is. Nested calls (filters, forwards, includes) pass through.
 */
final class ServingSite implements Site {
    private static final ThreadLocal<ServedRequest> SERVED = new ThreadLocal<>();
    /** The scope of a nested call; not null, since a null scope would skip the method's body. */
    private static final Object NESTED = new Object();

    private final Sessions sessions;
    private final ServletApis apis;

    ServingSite(Sessions sessions, ServletApis apis) {
        this.sessions = sessions;
        this.apis = apis;
    }

    /** The request this thread serves, or null outside one. */
    static ServedRequest current() {
        return SERVED.get();
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        if (SERVED.get() != null) {
            return NESTED;
        }
        ServletApi api = apis.of(declaringType);
        if (!api.httpRequest.isInstance(arguments[0]) || !api.httpResponse.isInstance(arguments[1])) {
            return NESTED; // not HTTP: no sessions
        }
        ServedRequest served = new ServedRequest(sessions, api, arguments[0], arguments[1]);
        SERVED.set(served);
        return served;
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        exitAbsorbing(scope, thrown);
    }

    @Override
    public Throwable exitAbsorbing(Object scope, Throwable thrown) {
        if (scope == NESTED) {
            return thrown;
        }
        SERVED.remove();
        ServedRequest served = (ServedRequest) scope;
        Throwable failure = thrown;
        try {
            served.commit();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        SessionsUnavailableException unavailable = SessionsUnavailableException.in(failure);
        if (unavailable == null) {
            return failure;
        }
        Log.warn(unavailable.getMessage());
        try {
            if (served.api().isCommitted(served.response())) {
                return failure;
            }
            served.api().sendError(served.response(), 503, "Sessions are unavailable");
            return null;
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            return failure;
        }
    }
}
