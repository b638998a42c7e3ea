package dev.weft.bench.lock;

import dev.weft.bench.load.Workload;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The raw floor: the least a correct Redis lock can do, with Lettuce and nothing else. Acquire is {@code SET key
 * owner NX PX lease} on every node at once, granted by a majority (one node: that node); release is a
 * compare-and-delete script by SHA on the nodes that granted. No renewal, no fencing token, no reentrancy, no
 * waiting without polling: a busy lock is retried at once until {@link LockTerms#WAIT} runs out.
 */
public final class LettuceFloorWorkload implements Workload {
    private static final String RELEASE =
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
    private static final long REPLY_TIMEOUT_MILLIS = 2_000;

    private final Keys keys;
    private final int process;
    private final List<RedisClient> clients = new ArrayList<>();
    private final List<RedisAsyncCommands<String, String>> nodes = new ArrayList<>();
    private final SetArgs setIfAbsent = SetArgs.Builder.nx().px(LockTerms.LEASE.toMillis());
    private final int majority;
    private final String releaseSha;

    public LettuceFloorWorkload(Keys keys, int process, List<String> uris) {
        this.keys = keys;
        this.process = process;
        String sha = null;
        for (String uri : uris) {
            RedisClient client = RedisClient.create(uri);
            clients.add(client);
            // One connection per node, shared by all threads: Lettuce pipelines their commands on it.
            StatefulRedisConnection<String, String> connection = client.connect();
            sha = connection.sync().scriptLoad(RELEASE);
            nodes.add(connection.async());
        }
        this.releaseSha = sha;
        this.majority = uris.size() / 2 + 1;
    }

    @Override
    public Action forThread(int thread) {
        String key = "floor:" + keys.forThread(process, thread);
        String owner = UUID.randomUUID().toString();
        return () -> {
            acquire(key, owner);
            release(nodes, key, owner);
        };
    }

    @Override
    public void close() {
        clients.forEach(RedisClient::shutdown);
    }

    private void acquire(String key, String owner) throws Exception {
        long deadline = System.nanoTime() + LockTerms.WAIT.toNanos();
        while (true) {
            List<RedisAsyncCommands<String, String>> granted = trySet(key, owner);
            if (granted.size() >= majority) {
                return;
            }
            release(granted, key, owner);
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("floor: " + key + " stayed busy for " + LockTerms.WAIT);
            }
        }
    }

    /** Sends SET NX PX to every node before waiting for any reply; returns the nodes that granted. */
    private List<RedisAsyncCommands<String, String>> trySet(String key, String owner) throws Exception {
        List<RedisFuture<String>> replies = new ArrayList<>(nodes.size());
        for (RedisAsyncCommands<String, String> node : nodes) {
            replies.add(node.set(key, owner, setIfAbsent));
        }
        List<RedisAsyncCommands<String, String>> granted = new ArrayList<>(nodes.size());
        for (int i = 0; i < replies.size(); i++) {
            if ("OK".equals(replies.get(i).get(REPLY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS))) {
                granted.add(nodes.get(i));
            }
        }
        return granted;
    }

    private void release(List<RedisAsyncCommands<String, String>> holders, String key, String owner) throws Exception {
        List<RedisFuture<Long>> replies = new ArrayList<>(holders.size());
        for (RedisAsyncCommands<String, String> node : holders) {
            replies.add(node.evalsha(releaseSha, ScriptOutputType.INTEGER, new String[] {key}, owner));
        }
        for (RedisFuture<Long> reply : replies) {
            reply.get(REPLY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }
    }
}
