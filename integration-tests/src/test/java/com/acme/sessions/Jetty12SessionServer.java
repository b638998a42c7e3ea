package com.acme.sessions;

import com.acme.support.Handshake;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@link SessionServlet} and its listener ({@link EventRecorder}, which Jetty makes) on an embedded Jetty 12 with ee10
 * ({@code jakarta.servlet} 6.0), Jetty's own session handling on ({@code SESSIONS}), no Weft in it. Prints
 * {@code LISTENING <port>}; stops when standard input says {@code STOP}.
 *
 * <p><b>Why Jetty is called by reflection here.</b> Jetty 12's core has the same class names as the Jetty 9.4 on the
 * test class path ({@code org.eclipse.jetty.server.Server}, {@code ServerConnector}, {@code Handler}, ...), so Jetty
 * 12 cannot be on that class path, and this class cannot be compiled against it. Instead the build copies Jetty 12's
 * jars to {@code target/jetty12} (maven-dependency-plugin, {@code integration-tests/pom.xml}), and this server's JVM
 * runs on {@link #classPath()}: those jars and the test classes, nothing else (no Jetty 9.4, no Tomcat: the servlet
 * API is Jetty's {@code jakarta.servlet-api} 6.0). This class names Jetty's classes only as strings; the application
 * it serves ({@link SessionServlet}, {@link EventRecorder}) is the one the other containers serve, unchanged.
 */
public final class Jetty12SessionServer {
    private Jetty12SessionServer() {
    }

    public static void main(String[] args) throws Exception {
        // Server server = new Server();
        Object server = type("org.eclipse.jetty.server.Server").getConstructor().newInstance();
        // ServerConnector connector = new ServerConnector(server); connector.setHost("127.0.0.1");
        Class<?> connectorType = type("org.eclipse.jetty.server.ServerConnector");
        Object connector = connectorType.getConstructor(server.getClass()).newInstance(server);
        call(connector, "setHost", String.class, "127.0.0.1");
        // server.addConnector(connector);
        call(server, "addConnector", type("org.eclipse.jetty.server.Connector"), connector);
        // ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        Class<?> contextType = type("org.eclipse.jetty.ee10.servlet.ServletContextHandler");
        Object context = contextType.getConstructor(int.class)
                .newInstance(contextType.getField("SESSIONS").getInt(null));
        // context.addServlet(SessionServlet.class, "/*");
        contextType.getMethod("addServlet", Class.class, String.class).invoke(context, SessionServlet.class, "/*");
        // context.getServletHandler().addListener(new ListenerHolder(EventRecorder.class));
        Class<?> holderType = type("org.eclipse.jetty.ee10.servlet.ListenerHolder");
        Object servletHandler = contextType.getMethod("getServletHandler").invoke(context);
        call(servletHandler, "addListener", holderType,
                holderType.getConstructor(Class.class).newInstance(EventRecorder.class));
        // server.setHandler(context); server.start();
        call(server, "setHandler", type("org.eclipse.jetty.server.Handler"), context);
        server.getClass().getMethod("start").invoke(server);
        Handshake.tell("LISTENING " + connectorType.getMethod("getLocalPort").invoke(connector));
        Handshake.await("STOP");
        server.getClass().getMethod("stop").invoke(server);
    }

    /**
     * The class path of this server's JVM: {@code target/jetty12/*.jar} and the test classes (the directory this
     * class was loaded from).
     */
    public static String classPath() {
        try {
            Path testClasses = Path.of(Jetty12SessionServer.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            Path jars = testClasses.resolveSibling("jetty12");
            List<String> entries = new ArrayList<>();
            try (Stream<Path> files = Files.list(jars)) {
                files.filter(file -> file.toString().endsWith(".jar")).sorted().forEach(jar -> entries.add(jar.toString()));
            }
            if (entries.isEmpty()) {
                throw new IllegalStateException(jars + " holds no jar: run the integration tests through Maven");
            }
            entries.add(testClasses.toString());
            return String.join(File.pathSeparator, entries);
        } catch (IOException e) {
            throw new UncheckedIOException("no Jetty 12 jars (the build copies them to target/jetty12)", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> type(String name) throws ClassNotFoundException {
        return Class.forName(name);
    }

    private static void call(Object target, String name, Class<?> parameter, Object argument) throws Exception {
        Method method = target.getClass().getMethod(name, parameter);
        method.invoke(target, argument);
    }
}
