package dev.weft.bench.lock;

import dev.weft.bench.load.Workload;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.RedissonRedLock;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * Redisson with its defaults, as a user would pick it: {@code RLock} on one Redis, {@code RedissonRedLock} over one
 * client per node when given several. {@code tryLock(wait)} without a lease time keeps the lock alive with
 * Redisson's watchdog, the counterpart of Weft's renewed lease.
 */
public final class RedissonLockWorkload implements Workload {
    private final Keys keys;
    private final int process;
    private final List<RedissonClient> clients;

    public RedissonLockWorkload(Keys keys, int process, List<String> uris) {
        this.keys = keys;
        this.process = process;
        this.clients = uris.stream().map(RedissonLockWorkload::connect).toList();
    }

    @Override
    public Action forThread(int thread) {
        String key = "redisson:" + keys.forThread(process, thread);
        RLock lock = clients.size() == 1
                ? clients.get(0).getLock(key)
                : new RedissonRedLock(clients.stream().map(client -> client.getLock(key)).toArray(RLock[]::new));
        return () -> {
            if (!lock.tryLock(LockTerms.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Redisson: " + key + " stayed busy for " + LockTerms.WAIT);
            }
            lock.unlock();
        };
    }

    @Override
    public void close() {
        clients.forEach(RedissonClient::shutdown);
    }

    private static RedissonClient connect(String uri) {
        Config config = new Config();
        config.useSingleServer().setAddress(uri);
        return Redisson.create(config);
    }
}
