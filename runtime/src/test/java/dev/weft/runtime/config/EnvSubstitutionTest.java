package dev.weft.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {
    private final EnvSubstitution env = new EnvSubstitution(Map.of("HOST", "h1", "EMPTY", "", "TRICKY", "${HOST}"));

    @Test
    void replacesVariablesAnywhereInTheText() {
        assertEquals("redis://h1:6379/h1", env.apply("redis://${HOST}:6379/${HOST}"));
    }

    @Test
    void aDefaultAppliesWhenUnsetOrEmptyAsInAShell() {
        assertEquals("localhost", env.apply("${MISSING:-localhost}"));
        assertEquals("fallback", env.apply("${EMPTY:-fallback}"));
        assertEquals("h1", env.apply("${HOST:-localhost}"));
        assertEquals("", env.apply("${MISSING:-}"));
    }

    @Test
    void anEmptyVariableWithoutDefaultIsEmpty() {
        assertEquals("[]", env.apply("[${EMPTY}]"));
    }

    @Test
    void valuesAndDefaultsAreNotSubstitutedAgain() {
        assertEquals("${HOST}", env.apply("${TRICKY}"));
        assertEquals("${HOST", env.apply("${MISSING:-${HOST}"));
    }

    @Test
    void doubleDollarIsALiteral() {
        assertEquals("${HOST} costs $5 and $$5", env.apply("$${HOST} costs $5 and $$5"));
    }

    @Test
    void namesMustBeIdentifiers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> env.apply("${1HOST}"));
        assertEquals("'${1HOST}' does not name an environment variable; write ${NAME} or ${NAME:-default} with NAME"
                + " made of letters, digits and '_' (or $${ for a literal ${)", e.getMessage());
    }
}
