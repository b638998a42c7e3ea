package dev.weft.runtime.weave;

import java.util.List;

/** A method as a rule sees it while its class is being woven or checked; see {@link TypeShape}. */
public interface MethodShape {
    TypeShape declaringType();

    String name();

    /** The JVM descriptor, e.g. {@code (Ljava/lang/String;J)V}. */
    String descriptor();

    boolean isStatic();

    boolean isPublic();

    /** A bridge or synthetic method: made by the compiler, never written by anybody. */
    boolean isGenerated();

    /** False for abstract and native methods, which have no code to weave. */
    boolean hasCode();

    TypeShape returnType();

    List<TypeShape> parameterTypes();

    /**
     * The arguments' names: from {@code javac -parameters} when compiled with it, else from the debug information
     * ({@code javac -g}); null when the class file has neither.
     */
    List<String> parameterNames();

    /** {@code com.acme.Stock#reserve}, for messages. */
    default String displayName() {
        return declaringType().name() + "#" + name();
    }
}
