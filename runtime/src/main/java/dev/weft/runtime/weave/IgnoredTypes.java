package dev.weft.runtime.weave;


/**
 * Types Weft never touches, decided from the name and loader alone so that most classes are rejected before any
 * type description is parsed: the JDK, Weft itself and its libraries, the OpenTelemetry agent's own classes (which
 * another agent's call sites must not be rewritten in), and generated classes (Spring/CGLIB proxies
 * and lambdas carry {@code $$} in their names, so a proxy and its target are never locked twice). The servlet API
 * ({@code javax.servlet}) is a library, not the JDK, and may be woven.
 */
final class IgnoredTypes {
    private static final String[] PREFIXES = {"java.", "javax.", "jdk.", "sun.", "com.sun.", "dev.weft.",
            "io.opentelemetry.javaagent."};
    private static final String SERVLET_API = "javax.servlet.";
    private static final ClassLoader RUNTIME_LOADER = IgnoredTypes.class.getClassLoader();

    /** {@code name} is a binary name with dots. */
    static boolean ignores(String name, ClassLoader loader) {
        if (loader == null || loader == RUNTIME_LOADER || loader == ClassLoader.getPlatformClassLoader()) {
            return true;
        }
        for (String prefix : PREFIXES) {
            if (name.startsWith(prefix) && !name.startsWith(SERVLET_API)) {
                return true;
            }
        }
        return name.contains("$$") || name.contains("$ByteBuddy$") || name.contains("$HibernateProxy$");
    }
}
