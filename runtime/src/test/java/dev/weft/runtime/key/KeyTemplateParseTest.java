package dev.weft.runtime.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyTemplateParseTest {
    @Test
    void splitsLiteralsAroundPlaceholders() {
        KeyTemplate template = KeyTemplate.parse("sku:{0}:order:{1.customer.id}/{orderId}");

        assertEquals("sku:{0}:order:{1.customer.id}/{orderId}", template.text());
        assertEquals(List.of("sku:", ":order:", "/", ""), template.literals());
    }

    @Test
    void doubledBracesAreLiteralBraces() {
        assertEquals(List.of("{literal}:", "}"), KeyTemplate.parse("{{literal}}:{0}}}").literals());
        assertEquals(List.of("{", "}"), KeyTemplate.parse("{{{0}}}").literals());
    }

    @Test
    void aTemplateWithoutPlaceholdersIsOneConstantKey() {
        assertEquals(List.of("maintenance"), KeyTemplate.parse("maintenance").literals());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{0}:{1}", "{0}/{1}", "{0} {1}", "{0}{{{1}", "{0}a:b{1}", "{a}|{b.c}"})
    void placeholdersSeparatedByACharacterValuesNeverContain(String text) {
        assertEquals(text, KeyTemplate.parse(text).text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sku:{0                 | the '{' at position 5 is not closed; end the placeholder with '}', or write {{"
                    + " for a literal '{'",
            "sku:{0:{1}             | the '{' at position 5 is not closed; end the placeholder with '}', or write {{"
                    + " for a literal '{'",
            "sku:0}                 | the '}' at position 6 closes nothing; write }} for a literal '}'",
            "sku:{}                 | empty placeholder {}; write {0} for the first argument, {1.customer.id} for a"
                    + " property of the second, or {orderId} for an argument by name",
            "sku:{0.foo()}          | {0.foo()}: no method calls in key templates, only property paths; write"
                    + " {0.customer} to read getCustomer(), customer() or the field customer",
            "sku:{0.get(1)}         | {0.get(1)}: no method calls in key templates, only property paths; write"
                    + " {0.customer} to read getCustomer(), customer() or the field customer",
            "sku:{0[1]}             | {0[1]}: no indexing in key templates, only property paths such as"
                    + " {0.customer.id}",
            "sku:{0. id}            | {0. id}: no spaces inside a placeholder",
            "sku:{0..id}            | {0..id}: a '.' must have a name on each side, as in {0.customer.id}",
            "sku:{0.}               | {0.}: a '.' must have a name on each side, as in {0.customer.id}",
            "sku:{.id}              | {.id}: a '.' must have a name on each side, as in {0.customer.id}",
            "sku:{0.1x}             | {0.1x}: '1x' is not a property name; only property paths such as"
                    + " {0.customer.id} are allowed (no indexing, no expressions)",
            "sku:{0.a+b}            | {0.a+b}: 'a+b' is not a property name; only property paths such as"
                    + " {0.customer.id} are allowed (no indexing, no expressions)",
            "sku:{-1}               | {-1}: '-1' is neither an argument index nor an argument name; write {0} for the"
                    + " first argument, {1.customer.id} for a property of the second, or {orderId} for an argument"
                    + " by name",
            "sku:{99999999999}      | {99999999999}: argument index 99999999999 is too large",
            "a{0}{1}                | put a character such as ':' between {0} and {1} (letters, digits and . _ - % #"
                    + " do not count: escaped values contain them), otherwise different arguments could render the"
                    + " same key",
            "{0}-v2_{1}             | put a character such as ':' between {0} and {1} (letters, digits and . _ - % #"
                    + " do not count: escaped values contain them), otherwise different arguments could render the"
                    + " same key",
            "{0}:{1}%#{2}           | put a character such as ':' between {1} and {2} (letters, digits and . _ - % #"
                    + " do not count: escaped values contain them), otherwise different arguments could render the"
                    + " same key",
    })
    void rejectsWithAMessageSayingWhatToDo(String text, String what) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyTemplate.parse(text));

        assertEquals("lock key template \"" + text + "\": " + what, e.getMessage());
    }

    @Test
    void rejectsAnEmptyTemplate() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyTemplate.parse(""));

        assertEquals("empty lock key template; write for example \"order:{0}\"", e.getMessage());
    }
}
