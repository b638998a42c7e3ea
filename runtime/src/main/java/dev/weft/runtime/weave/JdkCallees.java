package dev.weft.runtime.weave;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.asm.MemberSubstitution;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.pool.TypePool;

/**
 * How a {@link CallSiteRewrite} resolves the callees of the calls it looks at: only when the call names one of a few
 * JDK types, read once from the JDK and kept, as are their method graphs. Resolving the owner of every call in every
 * candidate class, and compiling its methods with their hierarchy, is what a member substitution does by default; in
 * a big library (H2, say, whose every class uses {@code ConcurrentHashMap}) that costs seconds before {@code main},
 * for calls that are never rewritten.
 */
public final class JdkCallees implements TypePool {
    /** The JDK's own types, which never change while the JVM runs: cached for good, and shared. */
    private static final TypePool JDK = new TypePool.Default(new TypePool.CacheProvider.Simple(),
            ClassFileLocator.ForClassLoader.ofPlatformLoader(), TypePool.Default.ReaderMode.FAST);

    private final Set<String> owners;
    private final Map<String, MethodGraph.Linked> methodGraphs = new ConcurrentHashMap<>();

    /** @param owners the binary names of the JDK types whose members are rewritten, as call sites name them */
    public JdkCallees(String... owners) {
        this.owners = Set.of(owners);
    }

    /** A relaxed substitution that resolves nothing but these types: calls on any other type stay as they are. */
    public MemberSubstitution substitution() {
        return MemberSubstitution.relaxed()
                .with(new MemberSubstitution.TypePoolResolver.ForExplicitPool(this))
                .with(methodGraphs());
    }

    @Override
    public Resolution describe(String name) {
        return owners.contains(name) ? JDK.describe(name) : new Resolution.Illegal(name);
    }

    @Override
    public void clear() {
        // the JDK's types stay as they are
    }

    /**
     * Method graphs of these types, compiled once: they are public JDK types, so every call site (in the application's
     * packages, never in theirs) sees the same methods.
     */
    private MethodGraph.Compiler methodGraphs() {
        return new MethodGraph.Compiler.AbstractBase() {
            @Override
            public MethodGraph.Linked compile(TypeDefinition type, TypeDescription viewPoint) {
                return methodGraphs.computeIfAbsent(type.asErasure().getName(),
                        name -> MethodGraph.Compiler.DEFAULT.compile(type, viewPoint));
            }
        };
    }
}
