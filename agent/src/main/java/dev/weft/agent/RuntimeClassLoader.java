package dev.weft.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the Weft runtime and its libraries (Lettuce, Netty, Jackson, Byte Buddy, ASM) from the
 * {@code weft-runtime/} folder of the agent jar, where class files are stored as {@code .classdata}.
 *
 * <p>Its parent is the platform class loader, so the runtime sees the JDK and the bootstrap-appended
 * {@code dev.weft.api}/{@code dev.weft.bootstrap} classes, and never the application's class path. In turn no
 * application class loader can find a runtime class: they are not {@code .class} entries.
 */
final class RuntimeClassLoader extends ClassLoader {
    private static final String PREFIX = "weft-runtime/";
    /** Bootstrap-side packages, served from the jar root when the JVM has not put them on the bootstrap path (CLI). */
    private static final String[] ROOT_PACKAGES = {"dev/weft/api/", "dev/weft/bootstrap/"};

    private static final String ATTACH_PACKAGE = "com.sun.tools.attach.";

    static {
        registerAsParallelCapable();
    }

    private final JarFile jar;
    private final String jarUrl;
    private final ProtectionDomain domain;

    RuntimeClassLoader(JarFile jar) {
        super("weft-runtime", ClassLoader.getPlatformClassLoader());
        this.jar = jar;
        try {
            URL location = new File(jar.getName()).toURI().toURL();
            this.jarUrl = "jar:" + location + "!/";
            this.domain = new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null, this, null);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        // The JDK defines jdk.attach (used by `weft status`) to the application class loader, not the platform one.
        if (name.startsWith(ATTACH_PACKAGE)) {
            return ClassLoader.getSystemClassLoader().loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/');
        JarEntry entry = jar.getJarEntry(PREFIX + path + ".classdata");
        if (entry == null && isRootPackage(path)) {
            entry = jar.getJarEntry(path + ".class");
        }
        if (entry == null) {
            throw new ClassNotFoundException(name);
        }
        byte[] bytes = read(entry, name);
        definePackageFor(name);
        return defineClass(name, bytes, 0, bytes.length, domain);
    }

    @Override
    protected URL findResource(String name) {
        String entryName = entryNameOf(name);
        if (entryName == null) {
            return null;
        }
        try {
            return new URL(jarUrl + entryName);
        } catch (MalformedURLException e) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(Collections.singletonList(url));
    }

    /** Byte Buddy reads advice as {@code X.class} resources, so class files are served under their real names too. */
    private String entryNameOf(String name) {
        String candidate = name.endsWith(".class")
                ? PREFIX + name.substring(0, name.length() - ".class".length()) + ".classdata"
                : PREFIX + name;
        if (jar.getJarEntry(candidate) != null) {
            return candidate;
        }
        if (name.endsWith(".class") && isRootPackage(name) && jar.getJarEntry(name) != null) {
            return name;
        }
        return null;
    }

    private static boolean isRootPackage(String path) {
        for (String p : ROOT_PACKAGES) {
            if (path.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private byte[] read(JarEntry entry, String name) throws ClassNotFoundException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name + " (cannot read " + jar.getName() + ")", e);
        }
    }

    private void definePackageFor(String className) {
        int dot = className.lastIndexOf('.');
        if (dot > 0) {
            String pkg = className.substring(0, dot);
            if (getDefinedPackage(pkg) == null) {
                try {
                    definePackage(pkg, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException raced) {
                    // Another thread defined it first; that is fine.
                }
            }
        }
    }
}
