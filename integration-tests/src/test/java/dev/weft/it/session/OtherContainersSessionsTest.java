package dev.weft.it.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.sessions.JavaxSessionServer;
import com.acme.sessions.Jetty12SessionServer;
import com.acme.sessions.UndertowSessionServer;
import dev.weft.it.Jvm;
import dev.weft.it.WeftYaml;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The containers besides Tomcat ({@link TomcatSessionsTest} has the full set): Jetty 9.4 with {@code javax.servlet}
 * ({@link JavaxSessionServer}, its own session handling on), Undertow with {@code jakarta.servlet}
 * ({@link UndertowSessionServer}) and Jetty 12 ee10 with {@code jakarta.servlet} ({@link Jetty12SessionServer}, its own
 * session handling on, in a JVM with its own class path). Two instances with the agent share one session; without
 * it, they do not.
 */
class OtherContainersSessionsTest {
    @RegisterExtension
    static final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(classes = {JavaxSessionServer.class, UndertowSessionServer.class, Jetty12SessionServer.class})
    void withWeftTwoInstancesShareTheSession(Class<?> server) {
        Path config = WeftYaml.write(dir, """
                redis:
                  uri: ${REDIS_URI}
                sessions:
                  enabled: true
                """);
        List<String> answers = alternate(name -> woven(config, server).name(name));
        assertEquals(List.of("1", "2", "3", "[apple]", "[apple, pear]"), answers);
    }

    @ParameterizedTest
    @ValueSource(classes = {JavaxSessionServer.class, UndertowSessionServer.class, Jetty12SessionServer.class})
    void withoutWeftEachInstanceHasItsOwnSession(Class<?> server) {
        List<String> answers = alternate(name -> plain(server).name(name));
        assertEquals(List.of("1", "1", "1", "[apple]", "[pear]"), answers,
                "each request lands in a session the other instance does not know, so the cookie keeps changing");
    }

    /** The listener the container made is told of each change on the instance where it happens. */
    @ParameterizedTest
    @ValueSource(classes = {JavaxSessionServer.class, UndertowSessionServer.class, Jetty12SessionServer.class})
    void withWeftListenersAreToldOnTheInstanceWhereTheChangeHappens(Class<?> server) {
        Path config = WeftYaml.write(dir, """
                redis:
                  uri: ${REDIS_URI}
                sessions:
                  enabled: true
                """);
        List<JavaProcess> jvms = List.of(woven(config, server).name("server-a").start(),
                woven(config, server).name("server-b").start());
        try {
            int a = TomcatSessionsTest.port(jvms.get(0));
            int b = TomcatSessionsTest.port(jvms.get(1));
            Browser browser = new Browser("JSESSIONID");
            browser.body(a, "/count");
            browser.body(b, "/count");
            browser.body(b, "/invalidate");
            assertEquals("[created, added count=1]", TomcatSessionsTest.events(a, browser.cookie));
            assertEquals("[replaced count=1, destroyed [count], removed count=2]",
                    TomcatSessionsTest.events(b, browser.cookie));
        } finally {
            jvms.forEach(JavaProcess::close);
        }
    }

    /** The control: without the agent, the container tells the same listener of its own sessions. */
    @ParameterizedTest
    @ValueSource(classes = {JavaxSessionServer.class, UndertowSessionServer.class, Jetty12SessionServer.class})
    void withoutWeftTheContainerTellsTheSameListener(Class<?> server) {
        try (JavaProcess jvm = plain(server).name("plain").start()) {
            int port = TomcatSessionsTest.port(jvm);
            Browser browser = new Browser("JSESSIONID");
            browser.body(port, "/count");
            browser.body(port, "/count");
            browser.body(port, "/invalidate");
            // Jetty's cookie is the session's id, a dot and the worker's name (node0...0.node0)
            String id = browser.cookie.split("\\.")[0];
            assertEquals("[created, added count=1, replaced count=1, destroyed [count], removed count=2]",
                    TomcatSessionsTest.events(port, id));
        }
    }

    /** The server's JVM without the agent; Jetty 12's on its own class path ({@link Jetty12SessionServer#classPath()}). */
    private static JavaProcess.Builder plain(Class<?> server) {
        JavaProcess.Builder jvm = Jvm.plain(server);
        return server == Jetty12SessionServer.class ? jvm.classPath(Jetty12SessionServer.classPath()) : jvm;
    }

    private static JavaProcess.Builder woven(Path config, Class<?> server) {
        return Jvm.attach(plain(server), config, redis.uri());
    }

    /** Counter on a, b, a; cart on a, b: the answers. */
    private static List<String> alternate(Function<String, JavaProcess.Builder> instance) {
        List<JavaProcess> jvms = List.of(instance.apply("server-a").start(), instance.apply("server-b").start());
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
