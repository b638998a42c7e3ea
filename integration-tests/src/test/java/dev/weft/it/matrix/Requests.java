package dev.weft.it.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The same request sent many times to each of several services at once, as their users would. */
final class Requests {
    private Requests() {
    }

    /**
     * Sends {@code perService} POSTs of {@code pathAndQuery} to each port, over {@code threads} connections per service,
     * all services at the same time; asserts every answer was 200.
     */
    static void postConcurrently(List<Integer> ports, String pathAndQuery, int perService, int threads) {
        Map<Integer, Integer> answers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(ports.size() * threads);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int port : ports) {
                for (int t = 0; t < threads; t++) {
                    int share = perService / threads + (t < perService % threads ? 1 : 0);
                    senders.add(pool.submit(() -> {
                        for (int i = 0; i < share; i++) {
                            answers.merge(Http.post(port, pathAndQuery), 1, Integer::sum);
                        }
                    }));
                }
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        } catch (Exception e) {
            throw new AssertionError("sending " + pathAndQuery + " failed", e);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Map.of(200, perService * ports.size()), Map.copyOf(answers), "status codes of " + pathAndQuery);
    }
}
