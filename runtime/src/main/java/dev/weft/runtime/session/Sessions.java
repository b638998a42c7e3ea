package dev.weft.runtime.session;

import dev.weft.api.WeftBackendException;
import dev.weft.runtime.log.Log;
import dev.weft.runtime.redis.RedisEndpoint;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.weave.WeaveRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Servlet sessions kept in Redis (docs/sessions.md): finds, creates and writes back {@link StoredSession}s for the
 * requests being served ({@link ServedRequest}), and counts what it does.
 */
public final class Sessions implements AutoCloseable {
    /** When neither {@code sessions.timeout} nor the container says: the servlet containers' usual default. */
    static final int DEFAULT_TIMEOUT_SECONDS = 30 * 60;

    private final SessionSettings settings;
    private final SessionStore store;
    private final SessionCounters counters = new SessionCounters();
    private final AttributeCodec codec;
    private final SessionIds ids = new SessionIds();
    private final SessionListeners listeners = new SessionListeners();

    public Sessions(SessionSettings settings, RedisSettings redis) {
        this.settings = settings;
        this.store = new SessionStore(RedisEndpoint.of(redis), redis.keyPrefix());
        this.codec = AttributeCodec.of(settings, counters);
    }

    public List<WeaveRule> weaveRules() {
        List<WeaveRule> rules = new ArrayList<>(SessionWeaveRule.all(this));
        rules.addAll(ListenerWeaveRule.all(listeners, settings.position()));
        return rules;
    }

    public SessionCounters counters() {
        return counters;
    }

    SessionSettings settings() {
        return settings;
    }

    SessionListeners listeners() {
        return listeners;
    }

    AttributeCodec codec() {
        return codec;
    }

    /** The session with this id, its access recorded; null when there is none (never was, expired, invalidated). */
    StoredSession find(String id) {
        try {
            Map<String, String> fields = store.readAndTouch(id, System.currentTimeMillis());
            counters.read();
            return fields == null ? null : StoredSession.read(id, fields);
        } catch (WeftBackendException e) {
            throw unavailable(e);
        }
    }

    /** @param containerTimeoutMinutes the container's session timeout, or -1 when it cannot tell */
    StoredSession create(int containerTimeoutMinutes) {
        Duration timeout = settings.timeout();
        int seconds = timeout != null ? (int) Math.max(1, timeout.toSeconds())
                : containerTimeoutMinutes > 0 ? containerTimeoutMinutes * 60 : DEFAULT_TIMEOUT_SECONDS;
        counters.create();
        return StoredSession.created(ids.next(), System.currentTimeMillis(), seconds);
    }

    String nextId() {
        return ids.next();
    }

    /** Writes back what one request did to a session, once, at its end. */
    void commit(StoredSession session) {
        try {
            if (session.isInvalid()) {
                delete(session);
                return;
            }
            long now = System.currentTimeMillis();
            boolean whole = session.isNew() || session.previousId() != null;
            StoredSession.Changes changes = session.changes(codec, whole, now);
            if (!changes.isEmpty()
                    && !store.write(session.id(), whole, session.ttlMillis(), changes.write(), changes.delete())) {
                Log.debug("a session expired or was invalidated while a request changed it; its changes are dropped");
            }
            if (!changes.isEmpty()) {
                counters.wrote(changes.bytes());
            }
            if (session.previousId() != null) {
                store.delete(session.previousId());
                counters.gone(session.previousId());
            }
            long ttl = session.ttlMillis();
            counters.seen(session.id(), ttl == 0 ? Long.MAX_VALUE : now + ttl);
        } catch (WeftBackendException e) {
            throw unavailable(e);
        }
    }

    private void delete(StoredSession session) {
        String stored = session.previousId() != null ? session.previousId() : session.isNew() ? null : session.id();
        if (stored != null) {
            store.delete(stored);
        }
        counters.gone(session.id());
    }

    private SessionsUnavailableException unavailable(WeftBackendException e) {
        counters.redisError();
        return new SessionsUnavailableException(e);
    }

    public void startConnecting() {
        store.startConnecting();
    }

    public String describe() {
        return "sessions in Redis at " + store.address() + " (serializer: " + settings.serializer() + ")";
    }

    @Override
    public void close() {
        store.close();
    }
}
