package dev.weft.runtime.notification;

import dev.weft.runtime.key.WovenKeys;
import dev.weft.runtime.weave.Site;
import java.util.Optional;
import java.util.UUID;

/**
 * A notification method. Before the body runs the call is recorded (a store that cannot take it fails the call: the
 * method never runs unrecorded); a body that throws returns normally to the caller, and the call is retried on its
 * schedule. A retry (the method called by {@link Retries}) is recorded already: it only carries the id, and lets the
 * outcome through to the retry.
 */
final class NotificationSite implements Site {
    private final MethodRef method;
    private final NotificationRule rule;
    private final WovenKeys ids;
    private final NotificationStore store;
    private final Outcomes outcomes;
    private final RunningAttempts running;
    private final NotificationCounters counters;
    private volatile CallArguments arguments;

    NotificationSite(MethodRef method, NotificationRule rule, WovenKeys ids, NotificationStore store,
                     Outcomes outcomes, RunningAttempts running, NotificationCounters counters) {
        this.method = method;
        this.rule = rule;
        this.ids = ids;
        this.store = store;
        this.outcomes = outcomes;
        this.running = running;
        this.counters = counters;
    }

    private record FirstAttempt(NotificationCall call, String token, RunningAttempts.Running running) {
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        Optional<Claim> retry = CurrentCall.takeRetry();
        if (retry.isPresent()) {
            CurrentCall.enter(retry.get().call().id());
            return retry.get();
        }
        String id = ids.render(declaringType, arguments);
        NotificationCall call = new NotificationCall(id, method.text(), codec(declaringType).encode(arguments),
                rule.schedule(), System.currentTimeMillis());
        String token = UUID.randomUUID().toString();
        Schedule schedule = outcomes.scheduleOf(call);
        long heldUntil = call.createdMillis() + schedule.leaseMillis(1);
        store.record(call, token, heldUntil, schedule.leaseMillis(2));
        counters.recorded.incrementAndGet();
        CurrentCall.enter(id);
        return new FirstAttempt(call, token, running.begin(id, token, schedule.leaseMillis(1), heldUntil));
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        exitAbsorbing(scope, thrown);
    }

    /** Errors of the JVM itself ({@code OutOfMemoryError}, ...) are retried too, but not hidden from the caller. */
    @Override
    public Throwable exitAbsorbing(Object scope, Throwable thrown) {
        CurrentCall.exit();
        if (!(scope instanceof FirstAttempt first)) {
            return thrown; // a retry: Retries settles it
        }
        first.running().end();
        if (thrown == null) {
            outcomes.succeeded(first.call(), first.token(), 1);
            return null;
        }
        outcomes.failed(first.call(), first.token(), 1, thrown);
        return thrown instanceof Error ? thrown : null;
    }

    private CallArguments codec(Class<?> declaringType) {
        CallArguments bound = arguments;
        if (bound == null) {
            bound = new CallArguments(method.in(declaringType).orElseThrow(() -> new IllegalStateException(
                    "weft: woven method " + method.text() + " not found by reflection")));
            arguments = bound;
        }
        return bound;
    }
}
