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
 * Redisson's watchdog, the counterpart of Weft's renewed lease. On Redis Cluster, one cluster client given every
 * master as a seed ({@code useClusterServers()}), as its documentation sets it up.
 */
public final class RedissonLockWorkload implements Workload {
    private final Keys keys;
    private final int process;
    private final List<RedissonClient> clients;

    private RedissonLockWorkload(Keys keys, int process, List<RedissonClient> clients) {
        this.keys = keys;
        this.process = process;
        this.clients = clients;
    }

    /** {@code RLock} on one server, {@code RedissonRedLock} over one client per server when given several. */
    public static RedissonLockWorkload standalone(Keys keys, int process, List<String> uris) {
        return new RedissonLockWorkload(keys, process, uris.stream().map(uri -> {
            Config config = new Config();
            config.useSingleServer().setAddress(uri);
            return Redisson.create(config);
        }).toList());
    }

    /** {@code RLock} through one cluster client that discovers the cluster from {@code seeds}. */
    public static RedissonLockWorkload cluster(Keys keys, int process, List<String> seeds) {
        Config config = new Config();
        config.useClusterServers().addNodeAddress(seeds.toArray(String[]::new));
        return new RedissonLockWorkload(keys, process, List.of(Redisson.create(config)));
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
}
