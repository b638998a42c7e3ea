package com.acme.handoff;

import java.lang.reflect.Method;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** The global method: it reserves stock on a pool thread, handed off one of three ways, then may refuse the order. */
public class OrderService {
    private final StockService stock = new StockService();
    private final ExecutorService pool;

    public OrderService(ExecutorService pool) {
        this.pool = pool;
    }

    public String place(String how, String id, boolean refuse) throws Exception {
        String reserved = switch (how) {
            case "submit" -> pool.submit(() -> stock.reserve(id)).get();
            case "supplyAsync" -> CompletableFuture.supplyAsync(() -> stock.reserve(id), pool).join();
            // the same hand-off, but the call to submit is made by the JDK's reflection: no call site Weft rewrites
            case "reflection" -> reflectiveSubmit(() -> stock.reserve(id)).get();
            default -> throw new IllegalArgumentException(how);
        };
        if (refuse) {
            throw new IllegalStateException("order " + id + " refused");
        }
        return reserved;
    }

    @SuppressWarnings("unchecked")
    private Future<String> reflectiveSubmit(Callable<String> task) throws Exception {
        Method submit = ExecutorService.class.getMethod("submit", Callable.class);
        return (Future<String>) submit.invoke(pool, task);
    }
}
