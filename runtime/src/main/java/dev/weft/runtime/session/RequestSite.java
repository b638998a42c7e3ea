package dev.weft.runtime.session;

import dev.weft.runtime.weave.Site;

/**
 * Answers one of the container's {@code HttpServletRequest} session methods instead of the container, while a
 * request is served ({@link ServingSite}); the answer is a one-element array (the weaver's answering advice). Outside
 * a served request (a container's own code after the response), and in request wrappers, which delegate to the
 * container's request, the method runs as it is.
 */
final class RequestSite implements Site {
    enum Method { GET_SESSION, GET_SESSION_CREATE, CHANGE_SESSION_ID, REQUESTED_SESSION_ID_VALID }

    private final Method method;
    private final ServletApis apis;

    RequestSite(Method method, ServletApis apis) {
        this.method = method;
        this.apis = apis;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        ServedRequest served = ServingSite.current();
        if (served == null || apis.of(declaringType).requestWrapper.isInstance(self)) {
            return null;
        }
        return new Object[] {switch (method) {
            case GET_SESSION -> served.session(true);
            case GET_SESSION_CREATE -> served.session((Boolean) arguments[0]);
            case CHANGE_SESSION_ID -> served.changeSessionId();
            case REQUESTED_SESSION_ID_VALID -> served.requestedSessionIdValid();
        }};
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        // never called: the answering advice has no exit into the site
    }
}
