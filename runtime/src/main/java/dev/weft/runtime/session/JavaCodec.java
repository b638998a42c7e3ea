package dev.weft.runtime.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code serializer: java}: Java serialization, Base64 in the hash field. Reading back goes through an
 * {@link ObjectInputFilter} that admits only the classes {@code allow} lists and the JDK's value types
 * ({@link JdkValueTypes}), so a session hash written by an attacker with Redis access cannot run a gadget chain.
 */
final class JavaCodec implements AttributeCodec {
    private final List<Pattern> allow;
    private final SessionCounters counters;

    JavaCodec(List<String> allow, SessionCounters counters) {
        this.allow = allow.stream().map(JavaCodec::glob).toList();
        this.counters = counters;
    }

    /** {@code *} matches any run of characters, dots included, as in method selectors. */
    private static Pattern glob(String pattern) {
        return Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q"));
    }

    @Override
    public void check(String name, Object value) {
        if (value != null && !(value instanceof Serializable)) {
            throw new SessionAttributeException("weft: session attribute '" + name + "' holds a "
                    + value.getClass().getName() + ", which is not Serializable; serializer: java keeps only"
                    + " Serializable values (make it Serializable, or keep an id in the session instead)", null);
        }
    }

    @Override
    public String encode(String name, Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new SessionAttributeException("weft: session attribute '" + name + "' could not be serialized: "
                    + e, e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    @Override
    public Object decode(String name, String stored, ClassLoader loader) {
        Refusal refusal = new Refusal();
        try (ObjectInputStream in = new LoaderObjectInputStream(Base64.getDecoder().decode(stored), loader)) {
            in.setObjectInputFilter(info -> refusal.judge(info.serialClass()));
            return in.readObject();
        } catch (InvalidClassException e) {
            if (refusal.refused != null) {
                counters.refused();
                throw new SessionAttributeException("weft: session attribute '" + name + "' holds a "
                        + refusal.refused + ", which sessions.allow does not list; add it (e.g. allow: ["
                        + packageOf(refusal.refused) + ".*]) if the application put it there", e);
            }
            throw unreadable(name, e);
        } catch (IOException | ClassNotFoundException | IllegalArgumentException e) {
            throw unreadable(name, e);
        }
    }

    private static SessionAttributeException unreadable(String name, Exception e) {
        return new SessionAttributeException("weft: session attribute '" + name + "' could not be read back: " + e, e);
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(0, dot);
    }

    /** The filter of one read, which remembers the class it refused for the message. */
    private final class Refusal {
        String refused;

        ObjectInputFilter.Status judge(Class<?> type) {
            if (type == null) {
                return ObjectInputFilter.Status.UNDECIDED;
            }
            Class<?> element = type;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (element.isPrimitive() || JdkValueTypes.admits(element) || allowed(element.getName())) {
                return ObjectInputFilter.Status.ALLOWED;
            }
            refused = element.getName();
            return ObjectInputFilter.Status.REJECTED;
        }

        private boolean allowed(String className) {
            return allow.stream().anyMatch(pattern -> pattern.matcher(className).matches());
        }
    }

    /** Resolves classes with the application's loader: the runtime's own cannot see them. */
    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(byte[] bytes, ClassLoader loader) throws IOException {
            super(new ByteArrayInputStream(bytes));
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(description.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(description);
            }
        }
    }
}
