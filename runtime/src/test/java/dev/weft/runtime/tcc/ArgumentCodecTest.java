package dev.weft.runtime.tcc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.WeftConfigException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC 4: arguments are JSON bound to the declared parameter types, with no class names in the data. */
class ArgumentCodecTest {
    public record Money(String currency, long cents) {
    }

    public static class Base {
        public String name = "base";
    }

    public static class Sneaky extends Base {
        public String extra = "must not be stored";
    }

    /** Writable (a getter) but not readable back: no setter, no creator. */
    public static class Handle {
        private final int id;

        Handle(int id) {
            this.id = id;
        }

        public int getId() {
            return id;
        }
    }

    @SuppressWarnings("unused")
    public void pay(String to, Money amount, List<Money> history, Map<String, Integer> tags, int[] codes) {
    }

    @SuppressWarnings("unused")
    public void declaredBase(Base value) {
    }

    @SuppressWarnings("unused")
    public void withHandle(String label, Handle handle) {
    }

    /** Nothing Jackson can see: no public getter, setter or field. */
    public static class Opaque {
        @SuppressWarnings("unused")
        private int secret = 42;
    }

    @SuppressWarnings("unused")
    public void withOpaque(Opaque opaque) {
    }

    @Test
    void valuesComeBackAsTheirDeclaredTypesIncludingGenerics() {
        ArgumentCodec codec = codec("pay");
        Object[] arguments = {"bob", new Money("EUR", 150), List.of(new Money("EUR", 1)), Map.of("a", 1), new int[] {7}};
        String json = codec.encode(arguments, true);
        assertFalse(json.contains("ArgumentCodecTest") || json.contains("@class"), json);
        Object[] back = codec.decode(json);
        assertEquals("bob", back[0]);
        assertEquals(new Money("EUR", 150), back[1]);
        assertEquals(List.of(new Money("EUR", 1)), back[2]);
        assertEquals(Map.of("a", 1), back[3]);
        assertArrayEquals(new int[] {7}, (int[]) back[4]);
    }

    @Test
    void aSubclassIsStoredAsTheDeclaredTypeSoTheLogCanNeverNameAnotherClass() {
        ArgumentCodec codec = codec("declaredBase");
        String json = codec.encode(new Object[] {new Sneaky()}, true);
        assertEquals("[{\"name\":\"base\"}]", json);
        assertEquals(Base.class, codec.decode(json)[0].getClass());
    }

    @Test
    void aParameterThatCannotBeReadBackFailsTheFirstCallNamingParticipantAndParameter() {
        WeftConfigException e = assertThrows(WeftConfigException.class,
                () -> codec("withHandle").encode(new Object[] {"x", new Handle(1)}, true));
        assertTrue(e.getMessage().startsWith("participant com.acme.Participant#withHandle: parameter 2 'handle' of type "
                + Handle.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("The try did not run"), e.getMessage());
    }

    @Test
    void aParameterThatCannotEvenBeWrittenFailsLikewise() {
        WeftConfigException e = assertThrows(WeftConfigException.class,
                () -> codec("withOpaque").encode(new Object[] {new Opaque()}, false));
        assertTrue(e.getMessage().contains("parameter 1 'opaque' of type " + Opaque.class.getName()
                + " cannot be stored as JSON (No serializer found"), e.getMessage());
    }

    @Test
    void argumentsThatNoLongerFitTheMethodAreAClearErrorNotAMisreading() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> codec("declaredBase").decode("[{\"name\":\"a\"},2]"));
        assertTrue(e.getMessage().contains("was the method changed?"), e.getMessage());
    }

    private static ArgumentCodec codec(String method) {
        for (Method m : ArgumentCodecTest.class.getDeclaredMethods()) {
            if (m.getName().equals(method)) {
                return new ArgumentCodec("com.acme.Participant#" + method, m);
            }
        }
        throw new IllegalArgumentException(method);
    }
}
