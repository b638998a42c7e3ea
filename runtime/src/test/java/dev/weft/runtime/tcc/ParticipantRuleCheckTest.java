package dev.weft.runtime.tcc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.ParticipantRule;
import dev.weft.runtime.weave.Described;
import dev.weft.runtime.weave.MethodShape;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Confirm and cancel: same class (or a superclass), same parameter types, same static-ness as the try. */
class ParticipantRuleCheckTest {
    @SuppressWarnings("unused")
    public static class Base {
        public void cancelReserve(String sku, int count) {
        }
    }

    @SuppressWarnings("unused")
    public static class Stock extends Base {
        public void reserve(String sku, int count) {
        }

        public void confirmReserve(String sku, int count) {
        }

        public void confirmWrongTypes(String sku, long count) {
        }

        public static void reserveStatic(String sku) {
        }

        public void confirmStatic(String sku) {
        }

        public static void cancelStatic(String sku) {
        }
    }

    @Test
    void findsConfirmInTheClassAndCancelInASuperclass() {
        assertEquals(Optional.empty(), problem("reserve", "confirmReserve", "cancelReserve"));
    }

    @Test
    void aMissingOrDifferentlyTypedMethodIsAProblemSayingWhatIsExpected() {
        assertEquals(Optional.of("confirm: no method confirmWrongTypes(java.lang.String, int) in " + Stock.class.getName()
                + " or its superclasses; confirm must be a method of the try's class with the try's parameter types"),
                problem("reserve", "confirmWrongTypes", "cancelReserve"));
        assertEquals(Optional.of("cancel: no method undo(java.lang.String, int) in " + Stock.class.getName()
                + " or its superclasses; cancel must be a method of the try's class with the try's parameter types"),
                problem("reserve", "confirmReserve", "undo"));
    }

    @Test
    void aStaticTryNeedsStaticConfirmAndCancel() {
        assertEquals(Optional.of("confirm: confirmStatic(java.lang.String) must be static, like the try method"
                + " reserveStatic"), problem("reserveStatic", "confirmStatic", "cancelStatic"));
    }

    private static Optional<String> problem(String tryMethod, String confirm, String cancel) {
        ParticipantRule rule = new ParticipantRule(MethodSelector.parse(Stock.class.getName() + "#" + tryMethod),
                confirm, cancel, Harness.AT);
        MethodShape method = Described.type(Stock.class).declaredMethods().stream()
                .filter(m -> m.name().equals(tryMethod)).findFirst().orElseThrow();
        return new ParticipantRuleCheck(rule).problemWith(method);
    }
}
