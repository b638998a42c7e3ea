package dev.weft.runtime.weave;

/**
 * What Weft does around one woven method for one rule. The advice reaches it through {@link SiteRegistry} by id.
 */
public interface Site {
    /**
     * Runs before the body.
     *
     * @param arguments {@code null} for a rule that {@linkplain WeaveRule#observesOnly() only observes}
     * @return a scope handed back to {@link #exit}; {@code null} skips the body (for a rule that only observes, it
     *     only means that there is no exit call)
     */
    Object enter(Class<?> declaringType, Object self, Object[] arguments);

    /**
     * Whether the site makes the runtime's loader the thread's context loader ({@link RuntimeContextLoader}) itself,
     * only where it reaches the libraries; otherwise {@link SiteRegistry} does it around every call, which costs a
     * call that stays in Weft's own code (a lock's reentry) about a sixth of its time.
     */
    default boolean setsContextLoader() {
        return false;
    }

    /**
     * Runs after the body, normal or not; only for a non-null scope. Must not throw into the application, except where
     * the rule's contract replaces the method's outcome (a TCC global method that returned past its timeout).
     */
    void exit(Object scope, Throwable thrown);

    /**
     * {@link #exit(Object, Throwable)} with the method's return value ({@code null} when it threw or returns
     * {@code void}); called instead of it for a rule that {@linkplain WeaveRule#seesReturnValue() sees return values}.
     */
    default void exit(Object scope, Object returned, Throwable thrown) {
        exit(scope, thrown);
    }

    /**
     * {@link #exit(Object, Throwable)} for a rule that {@linkplain WeaveRule#absorbsFailures() absorbs failures}:
     * called instead of it, and decides what the caller sees.
     *
     * @return what the method throws: {@code thrown}, or {@code null} to return normally (only woven into methods
     *     that return {@code void}, whose normal return needs no value)
     */
    default Throwable exitAbsorbing(Object scope, Throwable thrown) {
        exit(scope, thrown);
        return thrown;
    }

    /**
     * {@link #exit(Object, Object, Throwable)} for a rule that {@linkplain WeaveRule#replacesReturnValue() replaces
     * return values}: called instead of it, and decides what the caller gets.
     *
     * @return what the method returns: {@code returned}, or another object of its return type (ignored when it threw)
     */
    default Object exitReplacing(Object scope, Object returned, Throwable thrown) {
        exit(scope, returned, thrown);
        return returned;
    }
}
