package dev.weft.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.jar.JarFile;

/**
 * Entry point for {@code -javaagent}, dynamic attach and {@code java -jar weft-agent.jar} (the CLI).
 *
 * <p>As an agent this class is normally defined by the bootstrap loader (the manifest's {@code Boot-Class-Path});
 * from a renamed jar, or as the CLI, by the system class loader. It must stay small and must not touch
 * {@code dev.weft.api} or {@code dev.weft.bootstrap} before they are on the bootstrap class path, or the
 * application would see two copies of them. Everything else happens in the runtime, behind
 * {@link RuntimeClassLoader}.
 */
public final class WeftAgent {
    private static final String RUNTIME_ENTRY = "dev.weft.runtime.WeftRuntime";
    private static final String CLI_ENTRY = "dev.weft.runtime.cli.Cli";

    private WeftAgent() {
    }

    public static void premain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, true);
    }

    public static void agentmain(String agentArgs, Instrumentation inst) {
        start(agentArgs, inst, false);
    }

    public static void main(String[] args) throws Throwable {
        RuntimeClassLoader loader = new RuntimeClassLoader(agentJar());
        Method main = loader.loadClass(CLI_ENTRY).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void start(String agentArgs, Instrumentation inst, boolean beforeMain) {
        try {
            JarFile jar = agentJar();
            // Create the loader first: once the jar is on the bootstrap path, RuntimeClassLoader itself would be
            // found there, in another runtime package than this class, and could not be accessed from here.
            RuntimeClassLoader loader = new RuntimeClassLoader(jar);
            if (!loadedFromBootstrapPath()) {
                inst.appendToBootstrapClassLoaderSearch(jar);
            }
            Class<?> runtime = loader.loadClass(RUNTIME_ENTRY);
            runtime.getMethod("start", String.class, Instrumentation.class, File.class, boolean.class)
                    .invoke(null, agentArgs, inst, new File(jar.getName()), beforeMain);
        } catch (InvocationTargetException e) {
            fail(e.getCause());
        } catch (Exception | LinkageError e) {
            fail(e);
        }
    }

    private static void fail(Throwable cause) {
        // The runtime reports its own, specific errors and halts; reaching here means the jar itself is broken.
        System.err.println("[weft] error: the agent could not start: " + cause
                + ". Rebuild weft-agent.jar (mvn -DskipTests package) and check the -javaagent path.");
        cause.printStackTrace();
        System.err.flush();
        Runtime.getRuntime().halt(70);
    }

    /**
     * True when the JVM put the jar on the bootstrap class path itself, from the manifest's {@code Boot-Class-Path}
     * (which names the jar as built, {@code weft-agent.jar}), before any class was loaded; the premain class is then
     * found there first. Appending it here instead makes JDK 17+ print "Sharing is only supported for boot loader
     * classes because bootstrap classpath has been appended" (README, "Starting the agent"), so that is only the way
     * for a renamed jar.
     */
    private static boolean loadedFromBootstrapPath() {
        return WeftAgent.class.getClassLoader() == null;
    }

    /** From the class file's own URL: a class the bootstrap loader defined has no code source. */
    private static JarFile agentJar() throws java.io.IOException {
        URL classFile = WeftAgent.class.getResource(WeftAgent.class.getSimpleName() + ".class");
        if (classFile == null || !"jar".equals(classFile.getProtocol())) {
            throw new java.io.IOException("cannot locate weft-agent.jar: the agent class was loaded from " + classFile);
        }
        try {
            URL jarFile = ((JarURLConnection) classFile.openConnection()).getJarFileURL();
            return new JarFile(new File(jarFile.toURI()), false);
        } catch (URISyntaxException e) {
            throw new java.io.IOException("cannot locate weft-agent.jar", e);
        }
    }
}
