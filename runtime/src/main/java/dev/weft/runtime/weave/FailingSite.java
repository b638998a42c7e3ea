package dev.weft.runtime.weave;

import dev.weft.api.WeftConfigException;

/**
 * Stands in for a rule that turned out, when its class loaded, to be impossible to honour. The method must not run
 * unprotected, so every call fails with the reason.
 */
final class FailingSite implements Site {
    private final String message;

    FailingSite(String message) {
        this.message = message;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        throw new WeftConfigException(message);
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        // enter always throws, so there is never a scope to close
    }
}
