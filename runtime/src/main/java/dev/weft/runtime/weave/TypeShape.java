package dev.weft.runtime.weave;

import java.util.List;

/**
 * A type as a rule sees it while its class is being woven or checked: names and members, read from the class file
 * without loading it. Rules in the domain packages work on this and {@link MethodShape} only, so that Byte Buddy stays
 * inside this package (docs/architecture.md, "Layers").
 */
public interface TypeShape {
    /** As {@link Class#getName()}: {@code com.acme.Outer$Inner}, {@code int}, {@code [Ljava.lang.String;}. */
    String name();

    /** As written in source, for messages and parameter lists: {@code java.lang.String[]}. */
    String actualName();

    boolean isPrimitive();

    boolean isArray();

    /**
     * Null for {@code Object}, interfaces, primitives and arrays.
     *
     * @throws IllegalStateException when the superclass cannot be found on the class path
     */
    TypeShape superClass();

    /** @throws IllegalStateException when an interface cannot be found on the class path */
    List<TypeShape> interfaces();

    List<MethodShape> declaredMethods();

    List<FieldShape> declaredFields();

    default boolean is(Class<?> type) {
        return name().equals(type.getName());
    }

    /** A declared field: enough to tell whether a key template may read it. */
    record FieldShape(String name, TypeShape type, boolean isPublic, boolean isStatic) {
    }
}
