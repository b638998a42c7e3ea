package dev.weft.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.sessions.JavaxSessionServer;
import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code javax.servlet} flavour, on Jetty 9.4 ({@link JavaxSessionServer}), whose own session handling is on:
 * two instances with the agent share one session; without it, they do not.
 */
class JettyJavaxSessionsTest {
    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @Test
    void withWeftTwoJettyInstancesShareTheSession() {
        Path config = WeftYaml.write(dir, """
                redis:
                  uri: ${REDIS_URI}
                sessions:
                  enabled: true
                """);
        List<String> answers = alternate(name -> Jvm.woven(config, redis.uri(), JavaxSessionServer.class).name(name));
        assertEquals(List.of("1", "2", "3", "[apple]", "[apple, pear]"), answers);
    }

    @Test
    void withoutWeftEachJettyInstanceHasItsOwnSession() {
        List<String> answers = alternate(name -> Jvm.plain(JavaxSessionServer.class).name(name));
        assertEquals(List.of("1", "1", "1", "[apple]", "[pear]"), answers,
                "each request lands in a session the other instance does not know, so the cookie keeps changing");
    }

    /** Counter on a, b, a; cart on a, b: the answers. */
    private static List<String> alternate(Function<String, JavaProcess.Builder> instance) {
        List<JavaProcess> jvms = List.of(instance.apply("jetty-a").start(), instance.apply("jetty-b").start());
        try {
            int a = TomcatSessionsTest.port(jvms.get(0));
            int b = TomcatSessionsTest.port(jvms.get(1));
            Browser browser = new Browser("JSESSIONID");
            return List.of(browser.body(a, "/count"), browser.body(b, "/count"), browser.body(a, "/count"),
                    browser.body(a, "/cart?add=apple"), browser.body(b, "/cart?add=pear"));
        } finally {
            jvms.forEach(JavaProcess::close);
        }
    }
}
