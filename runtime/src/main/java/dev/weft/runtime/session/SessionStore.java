package dev.weft.runtime.session;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.redis.LuaScript;
import dev.weft.runtime.redis.RedisEndpoint;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sessions in Redis: one hash per session, {@code <keyPrefix>session:{<id>}}, holding {@link StoredSession#CREATED},
 * {@link StoredSession#LAST_ACCESSED}, {@link StoredSession#MAX_INACTIVE} and one field per attribute. Every call
 * touches one key, so each works on Redis Cluster; an id change is a copy and a delete, never {@code RENAME}.
 *
 * @throws WeftBackendException from every method, when Redis cannot be reached or answers with an error
 */
final class SessionStore implements AutoCloseable {
    private static final LuaScript READ = LuaScript.fromResources(SessionStore.class, "read.lua");
    private static final LuaScript WRITE = LuaScript.fromResources(SessionStore.class, "write.lua");

    private final RedisEndpoint redis;
    private final String keyPrefix;

    SessionStore(RedisEndpoint redis, String keyPrefix) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
    }

    /** The session's fields as they were before this access, which it records; null when there is no such session. */
    Map<String, String> readAndTouch(String id, long nowMillis) {
        List<Object> reply = redis.call("read session", commands -> READ.<List<Object>>run(commands,
                ScriptOutputType.MULTI, keys(id), Long.toString(nowMillis)));
        if (reply.isEmpty()) {
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < reply.size(); i += 2) {
            fields.put((String) reply.get(i), (String) reply.get(i + 1));
        }
        return fields;
    }

    /**
     * @param create     {@code true} to write even when the key does not exist (a new session, or a new id)
     * @param ttlMillis  0 for a session that never expires
     * @return {@code false} when an update found the session gone (expired or invalidated meanwhile)
     */
    boolean write(String id, boolean create, long ttlMillis, Map<String, String> set, Collection<String> delete) {
        List<String> args = new ArrayList<>(3 + 2 * set.size() + delete.size());
        args.add(create ? "create" : "update");
        args.add(Long.toString(ttlMillis));
        args.add(Integer.toString(set.size()));
        set.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        args.addAll(delete);
        Long written = redis.call("write session", commands -> WRITE.<Long>run(commands, ScriptOutputType.INTEGER,
                keys(id), args.toArray(String[]::new)));
        return written == 1L;
    }

    void delete(String id) {
        redis.call("delete session", commands -> commands.del(key(id)));
    }

    private String[] keys(String id) {
        return new String[] {key(id)};
    }

    String key(String id) {
        return keyPrefix + "session:{" + id + "}";
    }

    void startConnecting() {
        redis.startConnecting();
    }

    String address() {
        return redis.address();
    }

    @Override
    public void close() {
        redis.close();
    }
}
