package dev.weft.runtime.weave;

/**
 * The code woven into one method, chosen from its rule's flags in one place. {@link InlineAdvice} writes every kind;
 * Byte Buddy's back-end inlines the advice class each constant names.
 */
enum AdviceKind {
    /** {@link BridgeAdvice}: enter with the arguments, {@code null} skips the body; exit with what was thrown. */
    ENTER_EXIT(true),
    /** {@link ReturningExitAdvice}: as {@link #ENTER_EXIT}, and the exit also gets the value returned, boxed. */
    RETURNING(true),
    /** {@link ReplacingExitAdvice}: the exit answers the value the method returns. */
    REPLACING(true),
    /** {@link AbsorbingExitAdvice}: the exit answers what the {@code void} method throws, {@code null} for nothing. */
    ABSORBING(true),
    /** {@link ObservingAdvice}: no argument array and the body always runs; exit only for a non-null scope. */
    OBSERVING(false),
    /** {@link AnsweringAdvice}: a non-null answer, a one-element array, is returned instead of running the body. */
    ANSWERING(false),
    /** {@link OutgoingRequestAdvice}: the first argument is replaced; no site. */
    OUTGOING_REQUEST(false);

    private final boolean skipsBodyOnNull;

    AdviceKind(boolean skipsBodyOnNull) {
        this.skipsBodyOnNull = skipsBodyOnNull;
    }

    static AdviceKind of(WeaveRule rule) {
        if (rule.passesRequestThroughBridge()) {
            return OUTGOING_REQUEST;
        }
        if (rule.answersInsteadOfBody()) {
            return ANSWERING;
        }
        if (rule.observesOnly()) {
            return OBSERVING;
        }
        if (rule.replacesReturnValue()) {
            return REPLACING;
        }
        if (rule.seesReturnValue()) {
            return RETURNING;
        }
        if (rule.absorbsFailures()) {
            return ABSORBING;
        }
        return ENTER_EXIT;
    }

    /** The enter's {@code null} answer skips the body, which then returns its type's default value. */
    boolean skipsBodyOnNull() {
        return skipsBodyOnNull;
    }
}
