package dev.weft.runtime.lock;

import dev.weft.runtime.config.LockMode;
import dev.weft.runtime.config.OnBusy;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.redis.Eventually;
import dev.weft.runtime.redis.RawRedis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An application's main, run in a child JVM by {@link GuestJvmTest}: uses locks the way woven code would, then
 * writes the threads it sees to a report file. It prints nothing itself, so anything on its stdout or stderr came
 * from Weft or its libraries.
 */
public final class GuestJvm {
    private GuestJvm() {
    }

    /** {@code scenario redisUri reportFile}. */
    public static void main(String[] args) throws Exception {
        String scenario = args[0];
        LockService locks = new LockService(new RedisSettings(args[1], List.of(), Duration.ofSeconds(5), "weft:"));
        locks.startConnecting(LockMode.SINGLE);
        switch (scenario) {
            case "quiet-no-close" -> handOver(locks);
            case "close" -> {
                handOver(locks);
                locks.close();
                awaitWeftThreadsEnded();
            }
            case "lost" -> loseALock(locks, args[1]);
            default -> throw new IllegalArgumentException(scenario);
        }
        report(Path.of(args[2]));
    }

    /** A held lock, a second thread waiting for it, the release waking that thread. */
    private static void handOver(LockService locks) throws InterruptedException {
        LockOptions options = new LockOptions(Duration.ofSeconds(30), Duration.ofSeconds(30), OnBusy.THROW, "GuestJvm");
        HeldLock first = locks.acquire("guest", options);
        Thread waiter = new Thread(() -> locks.release(locks.acquire("guest", options)), "application-worker");
        waiter.start();
        Eventually.await("the worker waiting", Duration.ofSeconds(30),
                () -> waiter.getState() == Thread.State.TIMED_WAITING);
        if (locks.fencingToken() != first.token()) {
            throw new AssertionError("fencing token " + locks.fencingToken() + " is not " + first.token());
        }
        locks.release(first);
        waiter.join();
    }

    private static void loseALock(LockService locks, String uri) {
        HeldLock lock = locks.acquire("lost", new LockOptions(Duration.ofMillis(600), Duration.ZERO, OnBusy.THROW, null));
        try (RawRedis raw = new RawRedis(uri)) {
            raw.del("weft:lock:{lost}");
        }
        Eventually.await("lost", Duration.ofSeconds(30), lock::isLost);
        locks.release(lock);
    }

    private static void awaitWeftThreadsEnded() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("weft-")) {
                thread.join(Duration.ofSeconds(10).toMillis());
            }
        }
    }

    private static void report(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive()) {
                lines.add(thread.getName() + " daemon=" + thread.isDaemon());
            }
        }
        Files.write(file, lines);
    }
}
