package com.acme.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Application code that hands work to other threads in every way Weft rewrites; each task reports what
 * {@code context} says on the thread that runs it. Nothing here knows of Weft.
 */
public class HandsOff implements BiFunction<ExecutorService, Supplier<String>, List<String>> {
    @Override
    public List<String> apply(ExecutorService pool, Supplier<String> context) {
        try {
            List<String> seen = new ArrayList<>();
            String[] box = new String[1];
            pool.execute(() -> box[0] = context.get());
            pool.submit(() -> { }).get(); // one thread: execute's task has run
            seen.add("execute " + box[0]);
            seen.add("submit(Callable) " + pool.submit(context::get).get());
            Future<?> ran = pool.submit(() -> {
                box[0] = context.get();
            });
            ran.get();
            seen.add("submit(Runnable) " + box[0]);
            List<Callable<String>> tasks = List.of(context::get, context::get);
            for (Future<String> each : pool.invokeAll(tasks)) {
                seen.add("invokeAll " + each.get());
            }
            seen.add("invokeAny " + pool.invokeAny(tasks));
            seen.add("supplyAsync " + CompletableFuture.supplyAsync(context::get, pool).join());
            CompletableFuture.runAsync(() -> box[0] = context.get(), pool).join();
            seen.add("runAsync " + box[0]);
            CompletableFuture<String> started = CompletableFuture.completedFuture("x");
            seen.add("thenApplyAsync " + started.thenApplyAsync(x -> context.get(), pool).join());
            seen.add("thenCombineAsync " + started.thenCombineAsync(started, (x, y) -> context.get(), pool).join());
            seen.add("handleAsync " + started.handleAsync((x, e) -> context.get(), pool).join());
            seen.add("thenComposeAsync " + started.thenComposeAsync(
                    x -> CompletableFuture.completedFuture(context.get()), pool).join());
            seen.add("default pool " + CompletableFuture.supplyAsync(context::get).join());
            return seen;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
