package dev.weft.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;

/**
 * Loads the application fixtures ({@code com.acme.http}) and the servlet APIs itself, through Weft's transformer, as
 * the JVM would with the agent; everything else comes from the test's class path.
 */
final class WeavingLoader extends ClassLoader {
    private static final String[] OWN = {"com.acme.http.", "javax.servlet.", "jakarta.servlet."};

    private final ClassFileTransformer transformer;

    WeavingLoader(ClassFileTransformer transformer) {
        super("weaving", WeavingLoader.class.getClassLoader());
        this.transformer = transformer;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null && isOwn(name)) {
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

    private static boolean isOwn(String name) {
        for (String prefix : OWN) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
