package dev.weft.runtime.weave;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;

/**
 * {@link TypeShape}s read from class files with plain ASM, found as resources of one class loader and never loaded.
 * It is what the start-up check, {@code weft check} and the inline weaver describe types with: Byte Buddy's type pool
 * does the same, but loading it costs about a thousand classes before {@code main}.
 *
 * <p>A type named by a descriptor (a parameter's, a field's) is read only when a rule asks for its members or
 * supertypes. Not thread-safe: one instance per check or per class being woven.
 */
public final class ClassFileTypes {
    private final ClassLoader loader;
    private final Map<String, ClassFileType> read = new HashMap<>();

    /** @param loader where class files are found; {@code null} (the bootstrap loader) reads through the system one */
    public ClassFileTypes(ClassLoader loader) {
        this.loader = loader == null ? ClassLoader.getSystemClassLoader() : loader;
    }

    /** The class or interface of that binary name ({@code com.acme.Outer$Inner}), or empty without a class file. */
    public Optional<TypeShape> find(String binaryName) {
        ClassFileType type = named(binaryName);
        return type.exists() ? Optional.of(type) : Optional.empty();
    }

    /** The type a class file defines, described from these bytes (a transformer's, which may differ from the file). */
    public TypeShape parse(byte[] classFile) {
        ClassFileType type = new ClassFileType(this, new ClassReader(classFile).getClassName().replace('/', '.'));
        type.use(classFile);
        read.put(type.name(), type);
        return type;
    }

    /** A type as a descriptor names it: a primitive, an array or a class read on demand. */
    TypeShape of(Type type) {
        return switch (type.getSort()) {
            case Type.OBJECT -> named(type.getClassName());
            case Type.ARRAY -> new NonClassType(type.getDescriptor().replace('/', '.'), type.getClassName(), false);
            default -> new NonClassType(type.getClassName(), type.getClassName(), true);
        };
    }

    ClassFileType named(String binaryName) {
        return read.computeIfAbsent(binaryName, name -> new ClassFileType(this, name));
    }

    /** The class file's bytes, or {@code null} when the loader has none of that name. */
    byte[] classFile(String binaryName) {
        try (InputStream in = loader.getResourceAsStream(binaryName.replace('.', '/') + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + binaryName, e);
        }
    }

    /** Primitives and arrays: no members, no supertypes worth a rule's look (as Byte Buddy's Object is skipped). */
    private record NonClassType(String name, String actualName, boolean isPrimitive) implements TypeShape {
        @Override
        public boolean isArray() {
            return !isPrimitive;
        }

        @Override
        public TypeShape superClass() {
            return null;
        }

        @Override
        public List<TypeShape> interfaces() {
            return List.of();
        }

        @Override
        public List<MethodShape> declaredMethods() {
            return List.of();
        }

        @Override
        public List<FieldShape> declaredFields() {
            return List.of();
        }
    }
}
