package dev.weft.runtime.context;

import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One wrapper per functional type a hand-off takes, each of exactly that type: a task that happens to implement
 * several of them (a {@code Runnable} that is also a {@code Callable}) is wrapped as the call site passes it.
 */
final class CarriedTasks {
    private CarriedTasks() {
    }

    /** @return {@code task} as it is when {@code type} is none of the types hand-offs take */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object wrap(Object task, Class<?> type, Carrier.Captured captured) {
        if (type == Runnable.class) {
            return new CarriedRunnable((Runnable) task, captured);
        } else if (type == Callable.class) {
            return new CarriedCallable<>((Callable<?>) task, captured);
        } else if (type == Supplier.class) {
            return new CarriedSupplier<>((Supplier<?>) task, captured);
        } else if (type == Function.class) {
            return new CarriedFunction<>((Function) task, captured);
        } else if (type == Consumer.class) {
            return new CarriedConsumer<>((Consumer) task, captured);
        } else if (type == BiFunction.class) {
            return new CarriedBiFunction<>((BiFunction) task, captured);
        } else if (type == BiConsumer.class) {
            return new CarriedBiConsumer<>((BiConsumer) task, captured);
        }
        return task;
    }

    record CarriedRunnable(Runnable task, Carrier.Captured captured) implements Runnable {
        @Override
        public void run() {
            try (Carrier.Attached attached = captured.attach()) {
                task.run();
            }
        }
    }

    record CarriedCallable<V>(Callable<V> task, Carrier.Captured captured) implements Callable<V> {
        @Override
        public V call() throws Exception {
            try (Carrier.Attached attached = captured.attach()) {
                return task.call();
            }
        }
    }

    record CarriedSupplier<V>(Supplier<V> task, Carrier.Captured captured) implements Supplier<V> {
        @Override
        public V get() {
            try (Carrier.Attached attached = captured.attach()) {
                return task.get();
            }
        }
    }

    record CarriedFunction<T, R>(Function<T, R> task, Carrier.Captured captured) implements Function<T, R> {
        @Override
        public R apply(T value) {
            try (Carrier.Attached attached = captured.attach()) {
                return task.apply(value);
            }
        }
    }

    record CarriedConsumer<T>(Consumer<T> task, Carrier.Captured captured) implements Consumer<T> {
        @Override
        public void accept(T value) {
            try (Carrier.Attached attached = captured.attach()) {
                task.accept(value);
            }
        }
    }

    record CarriedBiFunction<T, U, R>(BiFunction<T, U, R> task, Carrier.Captured captured)
            implements BiFunction<T, U, R> {
        @Override
        public R apply(T first, U second) {
            try (Carrier.Attached attached = captured.attach()) {
                return task.apply(first, second);
            }
        }
    }

    record CarriedBiConsumer<T, U>(BiConsumer<T, U> task, Carrier.Captured captured) implements BiConsumer<T, U> {
        @Override
        public void accept(T first, U second) {
            try (Carrier.Attached attached = captured.attach()) {
                task.accept(first, second);
            }
        }
    }
}
