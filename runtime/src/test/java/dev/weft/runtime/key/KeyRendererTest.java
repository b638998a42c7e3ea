package dev.weft.runtime.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.LockKeyException;
import dev.weft.runtime.weave.Described;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyRendererTest {
    private static final List<String> NAMES = List.of("sku", "quantity", "order", "anything", "ids");
    private static final String WHERE = "lock key \"%s\" for dev.weft.runtime.key.Fixtures$Svc#reserve: ";
    private static final UUID ID = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

    private static Method reserve() throws NoSuchMethodException {
        return Fixtures.Svc.class.getMethod("reserve", String.class, int.class, Fixtures.Order.class, Object.class,
                long[].class);
    }

    private static KeyRenderer renderer(String template) throws NoSuchMethodException {
        Method method = reserve();
        return KeyTemplate.parse(template)
                .resolve(Described.method(method), NAMES)
                .bind(method);
    }

    private static Object[] call(String sku, Fixtures.Order order, Object anything) {
        return new Object[] {sku, 7, order, anything, new long[] {1}};
    }

    private static Fixtures.Order order(Fixtures.Customer customer) {
        return new Fixtures.Order(customer, new Fixtures.Address("Lyon", 69001), ID, Fixtures.Priority.HIGH, null);
    }

    private static String render(String template, String sku, Object anything) throws Exception {
        return renderer(template).render(call(sku, order(new Fixtures.Customer("c-1", "Ann", true)), anything));
    }

    @Test
    void rendersEveryKindOfProperty() throws Exception {
        String key = renderer("{0}|{quantity}|{2.customer.id}|{order.customer.vip}|{2.customer.name}|{2.address.city}"
                + "|{2.address.zip}|{2.uuid}|{2.priority}|{2.hidden.code}|{{literal}}")
                .render(call("sku-1", order(new Fixtures.Customer("c-1", "Ann", true)), null));

        assertEquals("sku-1|7|c-1|true|Ann|Lyon|69001|" + ID + "|HIGH|h1|{literal}", key);
    }

    @Test
    void aRecordRendersThroughItsOwnToString() throws Exception {
        assertEquals("a:Address%5Bcity%3DLyon%2C%20zip%3D69001%5D", render("a:{2.address}", "x", null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "plain-text_1.0     | plain-text_1.0",
            "a{b}c              | a%7Bb%7Dc",
            "*                  | %2A",
            "x:y                | x%3Ay",
            "100%               | 100%25",
            "#1                 | %231",
            "'a b'              | a%20b",
            "é                  | %C3%A9",
            "日本               | %E6%97%A5%E6%9C%AC",
            "😀                 | %F0%9F%98%80",
            "?                  | %3F",
    })
    void escapesEverythingButLettersDigitsDotUnderscoreAndDash(String value, String escaped) throws Exception {
        assertEquals("k:" + escaped, render("k:{0}", value, null));
    }

    @Test
    void escapesLineBreaksAndControlCharacters() throws Exception {
        assertEquals("k:a%0D%0ADEL%20x%00", render("k:{0}", "a\r\nDEL x\0", null));
    }

    @Test
    void anUnpairedSurrogateDoesNotCollideWithAQuestionMark() throws Exception {
        assertEquals("k:%ED%A0%BD", render("k:{0}", "\uD83D", null));
        assertEquals("k:%ED%B8%80", render("k:{0}", "\uDE00", null));
    }

    @Test
    void longValuesAreReplacedByTheirHash() throws Exception {
        String tenThousand = "x".repeat(10_000);

        assertEquals("k:#" + sha256Hex(tenThousand), render("k:{0}", tenThousand, null));
        assertEquals("k:" + "a".repeat(200), render("k:{0}", "a".repeat(200), null));
        assertEquals("k:#" + sha256Hex("a".repeat(201)), render("k:{0}", "a".repeat(201), null));
        assertEquals("k:#" + sha256Hex("%3A".repeat(67)), render("k:{0}", ":".repeat(67), null),
                "the limit applies to the escaped length");
        assertEquals("k:#" + sha256Hex("%7B".repeat(10_000)), render("k:{0}", "{".repeat(10_000), null));
    }

    private static String sha256Hex(String escaped) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(escaped.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void differentArgumentsNeverRenderTheSameKey() throws Exception {
        List<String> hostile = new ArrayList<>(List.of("", "a", "b", ":", "a:b", "a%3Ab", "%3A", "%", "#", "{", "}",
                "{a}", "a:", ":b", "*", "\r\n", " ", "?", "\uD83D", "é", "\u00C3\u00A9", "%C3%A9", "x".repeat(200),
                "x".repeat(201), "#" + "0".repeat(64), "a/b", "a|b"));
        hostile.add("y".repeat(10_000));
        for (String template : List.of("t:{0}:{3}", "{0}/{3}", "{0}{{{3}", "{0}|{3}|")) {
            KeyRenderer renderer = renderer(template);
            Map<String, List<String>> seen = new HashMap<>();
            for (String first : hostile) {
                for (String second : hostile) {
                    String key = renderer.render(call(first, null, second));
                    List<String> earlier = seen.putIfAbsent(key, List.of(first, second));
                    assertTrue(earlier == null, () -> template + " renders " + earlier + " and ("
                            + first + ", " + second + ") as the same key " + key);
                }
            }
        }
    }

    @Test
    void renderedValuesCannotFormAHashTag() throws Exception {
        String key = render("{0}:{3}", "{tag}", "}{*\r\n:");

        assertEquals("%7Btag%7D:%7D%7B%2A%0D%0A%3A", key);
    }

    @Test
    void aNullOnThePathNamesThePlaceholderAndTheMethod() throws Exception {
        KeyRenderer renderer = renderer("sku:{2.customer.id}");
        String where = String.format(WHERE, "sku:{2.customer.id}");

        assertEquals(where + "argument 2 is null",
                assertThrows(LockKeyException.class, () -> renderer.render(call("s", null, null))).getMessage());
        assertEquals(where + "argument 2 property 'customer' is null",
                assertThrows(LockKeyException.class, () -> renderer.render(call("s", order(null), null)))
                        .getMessage());
        Fixtures.Order noId = order(new Fixtures.Customer(null, "Ann", false));
        assertEquals(where + "argument 2 property 'customer.id' is null",
                assertThrows(LockKeyException.class, () -> renderer.render(call("s", noId, null))).getMessage());
    }

    @Test
    void aNullNamedArgumentIsNamed() throws Exception {
        KeyRenderer renderer = renderer("sku:{sku}:{order.customer.id}");
        String where = String.format(WHERE, "sku:{sku}:{order.customer.id}");

        assertEquals(where + "argument 'sku' is null",
                assertThrows(LockKeyException.class, () -> renderer.render(call(null, null, null))).getMessage());
        assertEquals(where + "argument 'order' property 'customer' is null",
                assertThrows(LockKeyException.class, () -> renderer.render(call("s", order(null), null)))
                        .getMessage());
    }

    @Test
    void aValueWithoutItsOwnToStringIsRefused() throws Exception {
        String where = String.format(WHERE, "k:{2.plain}");

        LockKeyException e = assertThrows(LockKeyException.class, () -> render("k:{2.plain}", "s", null));

        assertEquals(where + "argument 2 property 'plain' is of class dev.weft.runtime.key.Fixtures$Plain, which has"
                + " no toString() of its own; point the template at a property of it instead, e.g. {2.plain.id}",
                e.getMessage());
    }

    @Test
    void anObjectArgumentIsCheckedAtEachCall() throws Exception {
        KeyRenderer renderer = renderer("k:{3}");

        assertEquals("k:42", renderer.render(call("s", null, 42)));
        assertEquals("k:LOW", renderer.render(call("s", null, Fixtures.Priority.LOW)));
        LockKeyException e = assertThrows(LockKeyException.class,
                () -> renderer.render(call("s", null, new Object())));
        assertTrue(e.getMessage().endsWith("argument 3 is of class java.lang.Object, which has no toString() of its"
                + " own; point the template at a property of it instead, e.g. {3.id}"), e.getMessage());
    }

    @Test
    void aFailingGetterThrowsItsOwnException() throws Exception {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> render("k:{2.failing}", "s", null));

        assertEquals("boom", e.getMessage());
    }

    @Test
    void bindingToAMethodTheTemplateWasNotCheckedAgainstFails() throws Exception {
        Method place = Fixtures.Svc.class.getMethod("place", Fixtures.Order.class);
        Method move = Fixtures.Svc.class.getMethod("move", Fixtures.Customer.class);
        ResolvedKeyTemplate resolved = KeyTemplate.parse("k:{0.customer.id}")
                .resolve(Described.method(place), null);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> resolved.bind(move));

        assertEquals("lock key \"k:{0.customer.id}\" for dev.weft.runtime.key.Fixtures$Svc#move:"
                + " dev.weft.runtime.key.Fixtures$Customer has no public getCustomer() any more; the class has"
                + " changed since the template was checked", e.getMessage());
    }

    @Test
    void aConstantTemplateRendersItself() throws Exception {
        KeyRenderer renderer = renderer("maintenance");

        assertEquals("maintenance", renderer.render(call(null, null, null)));
    }

    @Test
    void theTemplateKeepsWhatWasParsed() throws Exception {
        KeyTemplate template = KeyTemplate.parse("k:{0}");

        assertSame(template, template.resolve(Described.method(reserve()), NAMES).template());
    }
}
