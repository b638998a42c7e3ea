package dev.weft.runtime.weave;

/**
 * The code woven into one method, chosen from its rule's flags in one place. The inline weaver ({@link InlineAdvice})
 * writes every kind but the two library hooks, which stay with Byte Buddy's advice classes of the same names.
 */
enum AdviceKind {
    /** {@link BridgeAdvice}: enter with the arguments, {@code null} skips the body; exit with what was thrown. */
    ENTER_EXIT(true, true),
    /** {@link ReturningExitAdvice}: as {@link #ENTER_EXIT}, and the exit also gets the value returned, boxed. */
    RETURNING(true, true),
    /** {@link ReplacingExitAdvice}: the exit answers the value the method returns. */
    REPLACING(true, true),
    /** {@link AbsorbingExitAdvice}: the exit answers what the {@code void} method throws, {@code null} for nothing. */
    ABSORBING(true, true),
    /** {@link ObservingAdvice}: no argument array and the body always runs; exit only for a non-null scope. */
    OBSERVING(false, true),
    /** {@link AnsweringAdvice}: the site may answer instead of the body. */
    ANSWERING(false, false),
    /** {@link OutgoingRequestAdvice}: the first argument is replaced; no site. */
    OUTGOING_REQUEST(false, false);

    private final boolean skipsBodyOnNull;
    private final boolean inline;

    AdviceKind(boolean skipsBodyOnNull, boolean inline) {
        this.skipsBodyOnNull = skipsBodyOnNull;
        this.inline = inline;
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

    /** {@link InlineAdvice} writes this kind itself, with no Byte Buddy class loaded. */
    boolean inline() {
        return inline;
    }
}
