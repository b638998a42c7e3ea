package dev.weft.runtime.weave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link AnsweringAdvice}: a site's one-element answer replaces the body and is what the method returns (unboxed for a
 * primitive, null included); no answer runs the body as it is.
 */
class AnsweringAdviceTest {
    /** What the site answers: null to run the body. */
    private static volatile Object[] answer;
    private static final WeavingLoader LIBRARY;

    static {
        SiteRegistry sites = TestBridge.outgoingRequests(request -> request);
        Site site = new Site() {
            @Override
            public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
                return answer;
            }

            @Override
            public void exit(Object scope, Throwable thrown) {
                throw new AssertionError("an answering site has no exit");
            }
        };
        List<WeaveRule> rules = List.of(rule("com.acme.answer.Container#name()", site),
                rule("com.acme.answer.Container#valid()", site));
        LIBRARY = new WeavingLoader(new Weaver(rules, List.of(), sites, new WeaveStats(), new WovenClassLoaders())
                .transformer(), "com.acme.answer.");
    }

    @Test
    void anAnswerReplacesTheBody() throws Exception {
        answer = new Object[] {"answered"};
        assertEquals("answered", call("name"));
        answer = new Object[] {Boolean.TRUE};
        assertEquals(Boolean.TRUE, call("valid"));
        answer = new Object[] {null};
        assertNull(call("name"));
    }

    @Test
    void noAnswerRunsTheBody() throws Exception {
        answer = null;
        assertEquals("body", call("name"));
        assertEquals(Boolean.FALSE, call("valid"));
    }

    private static Object call(String method) throws Exception {
        Class<?> container = LIBRARY.loadClass("com.acme.answer.Container");
        Object instance = container.getConstructor().newInstance();
        return container.getMethod(method).invoke(instance);
    }

    private static WeaveRule rule(String selector, Site site) {
        return new WeaveRule() {
            @Override
            public MethodSelector selector() {
                return MethodSelector.parse(selector);
            }

            @Override
            public SourcePosition position() {
                return new SourcePosition("weft.yaml", 1, 1);
            }

            @Override
            public Optional<String> problemWith(MethodShape method) {
                return Optional.empty();
            }

            @Override
            public Site createSite(MethodShape method) {
                return site;
            }

            @Override
            public boolean answersInsteadOfBody() {
                return true;
            }
        };
    }
}
