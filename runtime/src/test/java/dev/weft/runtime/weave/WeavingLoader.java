package dev.weft.runtime.weave;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;

/**
 * Loads the classes of the given packages (application fixtures, libraries) itself, through Weft's transformer, as the
 * JVM would with the agent; everything else comes from the test's class path.
 */
public final class WeavingLoader extends ClassLoader {
    private final ClassFileTransformer transformer;
    private final String[] own;

    /** @param own prefixes of the class names this loader defines itself, such as {@code "com.acme.http."} */
    public WeavingLoader(ClassFileTransformer transformer, String... own) {
        super("weaving", WeavingLoader.class.getClassLoader());
        this.transformer = transformer;
        this.own = own;
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
    public byte[] transform(String internalName, byte[] classFile) {
        try {
            return transformer.transform(getUnnamedModule(), this, internalName, null, null, classFile);
        } catch (IllegalClassFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] read(String name) {
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

    private boolean isOwn(String name) {
        for (String prefix : own) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
