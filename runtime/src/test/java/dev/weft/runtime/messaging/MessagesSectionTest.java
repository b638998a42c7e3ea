package dev.weft.runtime.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.runtime.config.ConfigException;
import dev.weft.runtime.config.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code messages:} as users write it, and each mistake pointed at with what to write instead. */
class MessagesSectionTest {
    private static final MessagesSection SECTION = new MessagesSection();

    @TempDir
    Path dir;

    @Test
    void publishAndConsumeRulesAreReadWithTheirDefaults() throws Exception {
        MessageSettings settings = load("""
                messages:
                  publish:
                    - method: com.acme.Orders#place(..)
                      stream: orders
                      payload: "{0.order}"
                  consume:
                    - stream: orders
                      group: shipping
                      method: com.acme.Shipping#onOrder(..)
                """);

        assertEquals(MessageSettings.DEFAULT_MAX_LEN, settings.maxLen());
        PublishRule publish = settings.publish().get(0);
        assertEquals("orders", publish.stream());
        assertEquals(new PayloadTemplate("{0.order}", 0, List.of("order")), publish.payload());
        assertEquals(new PayloadTemplate("{return.id}", PayloadTemplate.RETURN_VALUE, List.of("id")),
                PayloadTemplate.parse("{return.id}"));
        ConsumeRule consume = settings.consume().get(0);
        assertEquals("shipping", consume.group());
        assertEquals(1, consume.concurrency(), "one at a time keeps the stream's order unless asked otherwise");
    }

    @Test
    void malformedPayloadsAndPreparedOnlyKeysOnAnOutboxRuleAreProblems() {
        assertEquals(List.of(
                "5:16: payload: \"{return.}\" is not a template value; write one argument by index, e.g. \"{0}\","
                        + " the return value, \"{return}\", or a property path into either, e.g. \"{0.order.id}\"",
                "7:19: checkAfter: belongs to mode: prepared; remove it, or add mode: prepared"),
                problems("""
                        messages:
                          publish:
                            - method: com.acme.Orders#place(..)
                              stream: orders
                              payload: "{return.}"
                              id: "{0.id}"
                              checkAfter: 5s
                        """));
    }

    @Test
    void aPreparedRuleTakesItsPayloadFromTheArgumentsAndOneCheckBackMethod() throws Exception {
        PublishRule rule = load("""
                messages:
                  publish:
                    - method: com.acme.Payments#pay(..)
                      stream: paid
                      payload: "{0}"
                      mode: prepared
                      checkAfter: 3s
                      checkBack: com.acme.Payments#isPaid(String)
                """).publish().get(0);
        assertEquals(PublishRule.Mode.PREPARED, rule.mode());
        assertEquals(java.time.Duration.ofSeconds(3), rule.checkAfter());
        assertEquals("com.acme.Payments#isPaid(String)", rule.checkBack().orElseThrow().text());

        assertEquals(List.of(
                "5:16: a prepared message is stored before the method runs, so its payload comes from the arguments;"
                        + " publish an argument, e.g. payload: \"{0}\", or use mode: outbox for the return value",
                "7:18: checkBack: names one method of one class, e.g. checkBack:"
                        + " com.acme.OrderService#isPlaced(String); write the class name in full"),
                problems("""
                        messages:
                          publish:
                            - method: com.acme.Payments#pay(..)
                              stream: paid
                              payload: "{return}"
                              mode: prepared
                              checkBack: com.acme.*#isPaid(String)
                        """));
    }

    @Test
    void namesThatWouldCollideInRedisAndMissingKeysAreProblems() {
        assertEquals(List.of(
                "3:7: missing 'group' in a consume rule; add the consumer group, e.g. group: shipping (each group gets"
                        + " every message once; the instances of one group share them)",
                "3:15: stream: 'orders.dlq' ends with .dlq, which names dead-letter streams; choose another name",
                "5:20: concurrency: must be from 1 to 256"),
                problems("""
                        messages:
                          consume:
                            - stream: orders.dlq
                              method: com.acme.Shipping#onOrder(..)
                              concurrency: 0
                        """));
    }

    private MessageSettings load(String yaml) throws ConfigException, IOException {
        return ConfigLoader.load(Files.writeString(dir.resolve("weft.yaml"), yaml), Map.of(), List.of(SECTION))
                .section(SECTION);
    }

    private List<String> problems(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        return e.problems().stream()
                .map(p -> p.position().line() + ":" + p.position().column() + ": " + p.message())
                .toList();
    }
}
