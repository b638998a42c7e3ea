package dev.weft.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;

/**
 * Loads the application fixtures ({@code com.acme.http}), the servlet APIs and the HTTP client libraries (OkHttp,
 * Apache HttpClient 5) itself, through Weft's transformer, as the JVM would with the agent; everything else comes from
 * the test's class path.
 */
final class WeavingLoader extends ClassLoader {
    private static final String[] OWN = {"com.acme.http.", "javax.servlet.", "jakarta.servlet.", "okhttp3.",
            "org.apache.hc."};

    private final ClassFileTransformer transformer;

    WeavingLoader(ClassFileTransformer transformer) {
        super("weaving", WeavingLoader.class.getClassLoader());
        this.transformer = transformer;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && isOwn(name) && exists(name)) {
                byte[] original = read(name);
                byte[] woven = transform(name.replace('.', '/'), original);
                byte[] bytes = woven == null ? original : woven;
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            return loaded != null ? loaded : super.loadClass(name, resolve);
        }
    }

    /** What Weft's transformer makes of a class file this loader defines; null: left as it is. */
    byte[] transform(String internalName, byte[] classFile) {
        try {
            return transformer.transform(getUnnamedModule(), this, internalName, null, null, classFile);
        } catch (IllegalClassFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] read(String name) {
        try (InputStream in = WeavingLoader.class.getClassLoader()
                .getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new IllegalArgumentException("no class file for " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A library probing for an optional class of its own (OkHttp's platforms) must get ClassNotFoundException. */
    private static boolean exists(String name) {
        return WeavingLoader.class.getClassLoader().getResource(name.replace('.', '/') + ".class") != null;
    }

    private static boolean isOwn(String name) {
        for (String prefix : OWN) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
