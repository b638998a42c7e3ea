package dev.weft.runtime.weave;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameEndsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import java.util.Collection;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.asm.MemberSubstitution.Substitution.Chain.Step.OfOriginalExpression;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Executors and {@code CompletableFuture} are JDK classes, which Weft never weaves; the calls that hand them work are
 * rewritten instead, in application and library classes, so that the task goes through {@code WeftBridge.handOff}
 * first (docs/distributed-tcc.md, "Hand-offs inside one JVM"):
 * <ul>
 *   <li>{@code execute(Runnable)}, {@code submit(Runnable|Callable, ..)}, {@code invokeAll/invokeAny(Collection, ..)}
 *       of {@code Executor}, {@code ExecutorService} and the JDK's executors; Spring's {@code ThreadPoolTaskExecutor}
 *       (which {@code @Async} submits to) calls them too;</li>
 *   <li>{@code CompletableFuture.runAsync/supplyAsync} and every {@code *Async} method of {@code CompletableFuture} and
 *       {@code CompletionStage}: the task is taken where the stage is made, which is where the work is handed off.</li>
 * </ul>
 * Only classes whose constant pool holds one of these methods' names or descriptors, or the two types, are parsed, and
 * only calls naming a JDK executor type or {@code CompletableFuture}/{@code CompletionStage} are looked at (see
 * {@link JdkCallees}): an executor typed as an application's own class, or as Spring's {@code AsyncTaskExecutor},
 * is reached through the JDK executor it calls in turn, if any.
 */
public final class HandOffCallSites implements CallSiteRewrite {
    private static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";
    private static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";
    private static final byte[][] MENTIONS = {
            ClassFileScan.ascii("(Ljava/lang/Runnable;)V"),
            ClassFileScan.ascii("(Ljava/lang/Runnable;)Ljava/util/concurrent/Future;"),
            ClassFileScan.ascii("(Ljava/lang/Runnable;Ljava/lang/Object;)Ljava/util/concurrent/Future;"),
            ClassFileScan.ascii("(Ljava/util/concurrent/Callable;)Ljava/util/concurrent/Future;"),
            ClassFileScan.ascii("invokeAll"),
            ClassFileScan.ascii("invokeAny"),
            ClassFileScan.ascii(COMPLETABLE_FUTURE.replace('.', '/')),
            ClassFileScan.ascii(COMPLETION_STAGE.replace('.', '/'))};

    /** The types a call site names when it hands work off; subtypes an application defines are not looked at. */
    private final JdkCallees callees = new JdkCallees("java.util.concurrent.Executor",
            "java.util.concurrent.ExecutorService", "java.util.concurrent.ScheduledExecutorService",
            "java.util.concurrent.AbstractExecutorService", "java.util.concurrent.ThreadPoolExecutor",
            "java.util.concurrent.ScheduledThreadPoolExecutor", "java.util.concurrent.ForkJoinPool",
            COMPLETABLE_FUTURE, COMPLETION_STAGE);

    @Override
    public boolean mayApply(byte[] classFile) {
        for (byte[] mention : MENTIONS) {
            if (ClassFileScan.contains(classFile, mention)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public AsmVisitorWrapper visitor() {
        ElementMatcher.Junction<MethodDescription> onAnInstance = not(isStatic());
        ElementMatcher.Junction<MethodDescription> stage = isDeclaredBy(namedOneOf(COMPLETABLE_FUTURE,
                COMPLETION_STAGE)).and(onAnInstance).and(nameEndsWith("Async"));
        return callees.substitution()
                .method(onAnInstance.and(named("execute")).and(takesArguments(Runnable.class))
                        .and(returns(void.class)))
                .replaceWithChain(ThroughBridge.handOffArgument(1), OfOriginalExpression.INSTANCE)
                .method(onAnInstance.and(named("submit"))
                        .and(takesArgument(0, Runnable.class).or(takesArgument(0, Callable.class))))
                .replaceWithChain(ThroughBridge.handOffArgument(1), OfOriginalExpression.INSTANCE)
                .method(onAnInstance.and(namedOneOf("invokeAll", "invokeAny")).and(takesArgument(0, Collection.class)))
                .replaceWithChain(ThroughBridge.handOffArgument(1), OfOriginalExpression.INSTANCE)
                .method(isDeclaredBy(named(COMPLETABLE_FUTURE)).and(isStatic())
                        .and(namedOneOf("runAsync", "supplyAsync")))
                .replaceWithChain(ThroughBridge.handOffArgument(0), OfOriginalExpression.INSTANCE)
                // thenCombineAsync(other, fn), runAfterEitherAsync(other, action), ...: the task follows the stage
                .method(stage.and(takesArgument(0, CompletionStage.class)))
                .replaceWithChain(ThroughBridge.handOffArgument(2), OfOriginalExpression.INSTANCE)
                .method(stage.and(not(takesArgument(0, CompletionStage.class))))
                .replaceWithChain(ThroughBridge.handOffArgument(1), OfOriginalExpression.INSTANCE)
                .on(any());
    }
}
