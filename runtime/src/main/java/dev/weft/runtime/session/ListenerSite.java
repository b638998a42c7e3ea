package dev.weft.runtime.session;

import dev.weft.runtime.weave.Site;

/** The constructors of a session listener class: each new listener is handed to {@link SessionListeners}. */
final class ListenerSite implements Site {
    private final SessionListeners listeners;

    ListenerSite(SessionListeners listeners) {
        this.listeners = listeners;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        throw new IllegalStateException("weft: constructor advice only reports finished instances");
    }

    /** @param scope the listener whose constructor (of a woven class, maybe called by a subclass's) returned */
    @Override
    public void exit(Object scope, Throwable thrown) {
        listeners.constructed(scope);
    }
}
