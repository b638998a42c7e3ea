package dev.weft.runtime.notification;

import dev.weft.runtime.instances.Instances;
import dev.weft.runtime.log.Log;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Every instance's background retries: a daemon thread ({@code weft-notify}) claims calls that are due, at most
 * {@link #MOST_AT_ONCE} at a time, and a small pool ({@code weft-notify-retry-N}) makes them again on a live instance
 * of their class (or one made with its no-argument constructor) with their stored arguments. After an outage the
 * backlog drains at that pace rather than all at once.
 */
final class Retries implements AutoCloseable {
    static final int MOST_AT_ONCE = 4;

    private final NotificationStore store;
    private final Outcomes outcomes;
    private final RunningAttempts running;
    private final NotificationCounters counters;
    private final MethodLocator methods;
    private final Instances instances;
    private final LongSupplier clock;
    private final long pollMillis;
    private final Semaphore slots = new Semaphore(MOST_AT_ONCE);
    private final ExecutorService pool;
    private volatile Thread poller;
    private volatile boolean closed;

    Retries(NotificationStore store, Outcomes outcomes, RunningAttempts running, NotificationCounters counters, MethodLocator methods,
            Instances instances, LongSupplier clock, long pollMillis) {
        this.store = store;
        this.outcomes = outcomes;
        this.running = running;
        this.counters = counters;
        this.methods = methods;
        this.instances = instances;
        this.clock = clock;
        this.pollMillis = pollMillis;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(MOST_AT_ONCE, task -> {
            Thread thread = new Thread(task, "weft-notify-retry-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        Thread thread = new Thread(this::poll, "weft-notify");
        thread.setDaemon(true);
        poller = thread;
        thread.start();
    }

    private void poll() {
        boolean warned = false;
        while (!closed) {
            try {
                running.extendDue(clock.getAsLong());
                claimAndRun();
                warned = false;
            } catch (RuntimeException e) {
                if (!warned) {
                    Log.warn("notification retries cannot reach " + store.describe() + " (" + e.getMessage()
                            + "); trying again every " + pollMillis + " ms");
                    warned = true;
                }
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Claims as many due calls as there are free slots, and hands each to the pool. */
    void claimAndRun() {
        int free = slots.drainPermits();
        long now = clock.getAsLong();
        List<Claim> claimed;
        try {
            claimed = free == 0 ? List.of() : store.claimDue(now, free);
        } finally {
            slots.release(free);
        }
        for (Claim claim : claimed) {
            long lease = outcomes.scheduleOf(claim.call()).leaseMillis(claim.attempt());
            RunningAttempts.Running attempt = running.begin(claim.call().id(), claim.token(), lease, now + lease);
            slots.acquireUninterruptibly();
            pool.execute(() -> {
                try {
                    attempt(claim, attempt);
                } finally {
                    slots.release();
                }
            });
        }
    }

    private void attempt(Claim claim, RunningAttempts.Running running) {
        NotificationCall call = claim.call();
        counters.retried.incrementAndGet();
        if (outcomes.scheduleOf(call).attempts() < claim.attempt()) {
            // the instance running the last attempt died during it: no attempt is left
            running.end();
            outcomes.failed(call, claim.token(), claim.attempt() - 1, new IllegalStateException(
                    "the instance running its last attempt stopped; last error: " + claim.lastError()));
            return;
        }
        Optional<Throwable> failure;
        try {
            failure = call(call, claim);
        } finally {
            running.end();
        }
        if (failure.isPresent()) {
            outcomes.failed(call, claim.token(), claim.attempt(), failure.get());
        } else if (outcomes.succeeded(call, claim.token(), claim.attempt())) {
            Log.info("notification \"" + call.id() + "\" succeeded on attempt " + claim.attempt());
        }
    }

    /** Makes the call again on a live instance of its class with its stored arguments: empty when it returned. */
    private Optional<Throwable> call(NotificationCall call, Claim claim) {
        Method method;
        Object[] arguments;
        Object target;
        try {
            method = methods.find(call.method()).orElseThrow(() -> new IllegalStateException(call.method()
                    + " is not in this JVM's class path"));
            arguments = new CallArguments(method).decode(call.arguments());
            target = Modifier.isStatic(method.getModifiers()) ? null : instances.instanceOf(
                    method.getDeclaringClass()).orElseThrow(() -> new IllegalStateException("no instance of "
                    + method.getDeclaringClass().getName() + " to call it on: the application made none yet and it"
                    + " has no no-argument constructor"));
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
        CurrentCall.retrying(claim);
        try {
            method.invoke(target, arguments);
            return Optional.empty();
        } catch (InvocationTargetException e) {
            return Optional.of(e.getCause());
        } catch (IllegalAccessException | RuntimeException e) {
            return Optional.of(e);
        } finally {
            CurrentCall.takeRetry(); // not entered (the method was not woven here): clear it anyway
        }
    }

    /**
     * At exit: claims nothing more, and lets the attempts under way end and record their outcome, within
     * {@code within}; one still running then is left to its claim's expiry, as after a crash.
     */
    void stop(Duration within) {
        stopPolling();
        pool.shutdown();
        awaitPool(within);
    }

    @Override
    public void close() {
        stopPolling();
        pool.shutdownNow();
        awaitPool(Duration.ofSeconds(1));
    }

    private void stopPolling() {
        closed = true;
        Thread thread = poller;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void awaitPool(Duration within) {
        try {
            pool.awaitTermination(within.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
