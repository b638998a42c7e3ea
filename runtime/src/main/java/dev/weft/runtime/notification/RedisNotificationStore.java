package dev.weft.runtime.notification;

import dev.weft.runtime.redis.LuaScript;
import dev.weft.runtime.redis.RedisEndpoint;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Recorded calls in Redis ({@code transactions.log.type: redis}), all under one hash tag so that each script touches
 * them together on Redis Cluster: {@code <keyPrefix>notify:{calls}} (id to call), {@code ...:due} (when each pending
 * call is due), {@code ...:state} (the holding attempt's token, the attempt count, the next lease, the last error)
 * and {@code ...:dead} (dead letters: when, after how many attempts, the last error). As durable as the Redis server's
 * persistence (docs/notifications.md, "Stores").
 */
public final class RedisNotificationStore implements NotificationStore {
    private static final LuaScript RECORD = LuaScript.fromResources(RedisNotificationStore.class, "record.lua");
    private static final LuaScript SETTLE = LuaScript.fromResources(RedisNotificationStore.class, "settle.lua");
    private static final LuaScript CLAIM = LuaScript.fromResources(RedisNotificationStore.class, "claim.lua");
    private static final LuaScript REPLAY = LuaScript.fromResources(RedisNotificationStore.class, "replay.lua");
    private static final LuaScript EXTEND = LuaScript.fromResources(RedisNotificationStore.class, "extend.lua");
    private static final LuaScript DISCARD = LuaScript.fromResources(RedisNotificationStore.class, "discard.lua");

    private final RedisEndpoint redis;
    private final String calls;
    private final String due;
    private final String state;
    private final String dead;

    public RedisNotificationStore(RedisEndpoint redis, String keyPrefix) {
        this.redis = redis;
        this.calls = keyPrefix + "notify:{calls}";
        this.due = calls + ":due";
        this.state = calls + ":state";
        this.dead = calls + ":dead";
    }

    /** Connects in the background; calls before that wait for it, or fail fast when Redis is down. */
    public void startConnecting() {
        redis.startConnecting();
    }

    @Override
    public void record(NotificationCall call, String token, long dueMillis, long leaseMillis) {
        redis.call("record notification \"" + call.id() + "\"", r -> RECORD.<Long>run(r, ScriptOutputType.INTEGER,
                new String[] {calls, due, state, dead}, call.id(), CallJson.write(call), Long.toString(dueMillis),
                StateText.of(token, 1, leaseMillis, "")));
    }

    @Override
    public boolean extend(String id, String token, long dueMillis) {
        Long extended = redis.call("extend the hold on notification \"" + id + "\"", r -> EXTEND.<Long>run(r,
                ScriptOutputType.INTEGER, new String[] {state, due}, id, token, Long.toString(dueMillis)));
        return extended == 1L;
    }

    @Override
    public boolean succeeded(String id, String token) {
        return settle(id, token, "done", 0, "");
    }

    @Override
    public boolean retryAt(String id, String token, long dueMillis, long leaseMillis, String error) {
        Optional<Integer> attempts = attempts(id, token);
        return attempts.isPresent()
                && settle(id, token, "retry", dueMillis, StateText.of(token, attempts.get(), leaseMillis, error));
    }

    @Override
    public boolean deadLetter(String id, String token, int attempts, long nowMillis, String error) {
        return settle(id, token, "dead", 0, nowMillis + "|" + attempts + "|" + StateText.oneLine(error));
    }

    private boolean settle(String id, String token, String outcome, long dueMillis, String value) {
        Long settled = redis.call("settle notification \"" + id + "\"", r -> SETTLE.<Long>run(r,
                ScriptOutputType.INTEGER, new String[] {calls, due, state, dead}, id, token, outcome,
                Long.toString(dueMillis), value));
        return settled == 1L;
    }

    private Optional<Integer> attempts(String id, String token) {
        String held = redis.call("read notification \"" + id + "\"", r -> r.hget(state, id));
        return Optional.ofNullable(held).map(StateText::parse).filter(s -> s.token().equals(token))
                .map(StateText::attempts);
    }

    @Override
    public List<Claim> claimDue(long nowMillis, int count) {
        String prefix = UUID.randomUUID().toString();
        List<Object> flat = redis.call("claim due notifications", r -> CLAIM.<List<Object>>run(r,
                ScriptOutputType.MULTI, new String[] {calls, due, state}, Long.toString(nowMillis),
                Integer.toString(count), prefix));
        List<Claim> claimed = new ArrayList<>();
        for (int i = 0; i + 4 < flat.size(); i += 5) {
            claimed.add(new Claim(CallJson.read((String) flat.get(i + 1)), Integer.parseInt((String) flat.get(i + 2)),
                    (String) flat.get(i + 3), (String) flat.get(i + 4)));
        }
        return claimed;
    }

    @Override
    public Optional<NotificationCall> find(String id) {
        return Optional.ofNullable(redis.call("read notification \"" + id + "\"", r -> r.hget(calls, id)))
                .map(CallJson::read);
    }

    @Override
    public long pending() {
        return redis.call("count pending notifications", r -> r.zcard(due));
    }

    @Override
    public long dead() {
        return redis.call("count dead notifications", r -> r.hlen(dead));
    }

    @Override
    public List<DeadLetter> deadLetters() {
        Map<String, String> letters = redis.call("list dead notifications", r -> r.hgetall(dead));
        List<DeadLetter> list = new ArrayList<>();
        letters.forEach((id, value) -> {
            String[] parts = value.split("\\|", 3);
            String method = find(id).map(NotificationCall::method).orElse("?");
            list.add(new DeadLetter(id, method, Integer.parseInt(parts[1]), Long.parseLong(parts[0]), parts[2]));
        });
        return list;
    }

    @Override
    public boolean replay(String id, long nowMillis, long leaseMillis) {
        Long replayed = redis.call("replay notification \"" + id + "\"", r -> REPLAY.<Long>run(r,
                ScriptOutputType.INTEGER, new String[] {calls, due, state, dead}, id, Long.toString(nowMillis),
                StateText.of("replayed", 0, leaseMillis, "replayed by an operator")));
        return replayed == 1L;
    }

    @Override
    public boolean discard(String id) {
        Long discarded = redis.call("discard notification \"" + id + "\"", r -> DISCARD.<Long>run(r,
                ScriptOutputType.INTEGER, new String[] {calls, dead}, id));
        return discarded == 1L;
    }

    @Override
    public String describe() {
        return "Redis at " + redis.address() + " (" + calls + ")";
    }

    @Override
    public void close() {
        redis.close();
    }
}
