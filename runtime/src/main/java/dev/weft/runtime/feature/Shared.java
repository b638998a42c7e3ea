package dev.weft.runtime.feature;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * What features hand each other while they open, in the order of {@code dev.weft.runtime.Features}: a feature
 * offers a service under its type and a later one finds it (TCC takes the lock service for its owner locks, HTTP
 * propagation takes the transactions' propagation). Also the answers to the three bridge calls that reach no site.
 */
public final class Shared {
    private final Map<Class<?>, Object> services = new HashMap<>();
    private LongSupplier fencingToken = () -> {
        throw new IllegalStateException("weft: no lock feature answers WeftBridge.fencingToken()");
    };
    private UnaryOperator<Object> outgoingRequests = UnaryOperator.identity();
    private BiFunction<Object, Class<?>, Object> handOffs = (task, type) -> task;

    public <T> void offer(Class<T> type, T service) {
        services.put(type, service);
    }

    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    /** What {@code WeftBridge.fencingToken()} answers: the token of the innermost lock the thread holds. */
    public void answerFencingToken(LongSupplier answer) {
        fencingToken = answer;
    }

    /** What {@code WeftBridge.outgoingRequest(request)} makes of a request on its way out; unchanged by default. */
    public void answerOutgoingRequests(UnaryOperator<Object> answer) {
        outgoingRequests = answer;
    }

    /**
     * What {@code WeftBridge.handOff(task, type)} makes of a task a rewritten call site hands to another thread;
     * unchanged by default.
     */
    public void answerHandOffs(BiFunction<Object, Class<?>, Object> answer) {
        handOffs = answer;
    }

    public LongSupplier fencingToken() {
        return fencingToken;
    }

    public UnaryOperator<Object> outgoingRequests() {
        return outgoingRequests;
    }

    public BiFunction<Object, Class<?>, Object> handOffs() {
        return handOffs;
    }
}
