package dev.weft.runtime.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One session as one request sees it: what was read from Redis at its first access, and what the request changed.
 * Attributes are decoded when first read. At the end of the request {@link #changes} says what to write: the
 * attributes set or removed, and those read whose encoded form changed (a mutable value changed in place: the dirty
 * check, docs/sessions.md). Used by one request at a time; synchronized because an application may hand the session
 * to another thread of the same request.
 */
final class StoredSession {
    static final String CREATED = "created";
    static final String LAST_ACCESSED = "lastAccessed";
    static final String MAX_INACTIVE = "maxInactive";
    private static final String ATTRIBUTE = "a:";

    private String id;
    /** The id it had in Redis before {@link #changeId}, or null. */
    private String previousId;
    private final boolean isNew;
    private final long created;
    private final long lastAccessed;
    private int maxInactiveSeconds;
    private boolean maxInactiveChanged;
    private boolean invalid;
    /** Attribute name to encoded value, as read. */
    private final Map<String, String> stored;
    /** Attribute name to value, for those read or set by this request. */
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> set = new HashSet<>();
    private final Set<String> removed = new HashSet<>();

    private StoredSession(String id, boolean isNew, long created, long lastAccessed, int maxInactiveSeconds,
                          Map<String, String> stored) {
        this.id = id;
        this.isNew = isNew;
        this.created = created;
        this.lastAccessed = lastAccessed;
        this.maxInactiveSeconds = maxInactiveSeconds;
        this.stored = stored;
    }

    static StoredSession created(String id, long now, int maxInactiveSeconds) {
        return new StoredSession(id, true, now, now, maxInactiveSeconds, new HashMap<>());
    }

    /** A session read from its hash; null when the hash lacks its metadata (not a session Weft wrote). */
    static StoredSession read(String id, Map<String, String> fields) {
        String created = fields.get(CREATED);
        String lastAccessed = fields.get(LAST_ACCESSED);
        String maxInactive = fields.get(MAX_INACTIVE);
        if (created == null || lastAccessed == null || maxInactive == null) {
            return null;
        }
        Map<String, String> attributes = new HashMap<>();
        fields.forEach((field, value) -> {
            if (field.startsWith(ATTRIBUTE)) {
                attributes.put(field.substring(ATTRIBUTE.length()), value);
            }
        });
        return new StoredSession(id, false, Long.parseLong(created), Long.parseLong(lastAccessed),
                Integer.parseInt(maxInactive), attributes);
    }

    synchronized String id() {
        return id;
    }

    synchronized String previousId() {
        return previousId;
    }

    boolean isNew() {
        return isNew;
    }

    long creationTime() {
        return created;
    }

    long lastAccessedTime() {
        return lastAccessed;
    }

    synchronized int maxInactiveSeconds() {
        return maxInactiveSeconds;
    }

    synchronized void maxInactiveSeconds(int seconds) {
        maxInactiveSeconds = seconds;
        maxInactiveChanged = true;
    }

    /** Milliseconds from a write to expiry; 0 for a session that never expires. */
    synchronized long ttlMillis() {
        return maxInactiveSeconds > 0 ? maxInactiveSeconds * 1000L : 0L;
    }

    synchronized boolean isInvalid() {
        return invalid;
    }

    synchronized void invalidate() {
        invalid = true;
    }

    synchronized void changeId(String newId) {
        if (previousId == null && !isNew) {
            previousId = id;
        }
        id = newId;
    }

    synchronized Object attribute(String name, AttributeCodec codec, ClassLoader loader) {
        if (values.containsKey(name)) {
            return values.get(name);
        }
        String encoded = removed.contains(name) ? null : stored.get(name);
        if (encoded == null) {
            return null;
        }
        Object value = codec.decode(name, encoded, loader);
        values.put(name, value);
        return value;
    }

    /** Whether the attribute is there, read or not. */
    synchronized boolean hasAttribute(String name) {
        return values.containsKey(name) || !removed.contains(name) && stored.containsKey(name);
    }

    synchronized List<String> attributeNames() {
        Set<String> names = new HashSet<>(stored.keySet());
        names.removeAll(removed);
        names.addAll(values.keySet());
        return new ArrayList<>(names);
    }

    synchronized void setAttribute(String name, Object value) {
        values.put(name, value);
        set.add(name);
        removed.remove(name);
    }

    synchronized void removeAttribute(String name) {
        values.remove(name);
        set.remove(name);
        removed.add(name);
    }

    /**
     * What to write at the end of the request.
     *
     * @param whole {@code true} for every field (a new session, or under a new id); else only what changed
     */
    synchronized Changes changes(AttributeCodec codec, boolean whole, long now) {
        Map<String, String> write = new LinkedHashMap<>();
        if (whole) {
            write.put(CREATED, Long.toString(created));
            write.put(LAST_ACCESSED, Long.toString(now));
            write.put(MAX_INACTIVE, Integer.toString(maxInactiveSeconds));
            stored.forEach((name, encoded) -> {
                if (!removed.contains(name) && !values.containsKey(name)) {
                    write.put(ATTRIBUTE + name, encoded);
                }
            });
        } else if (maxInactiveChanged) {
            write.put(MAX_INACTIVE, Integer.toString(maxInactiveSeconds));
        }
        values.forEach((name, value) -> {
            String encoded = codec.encode(name, value);
            if (whole || set.contains(name) || !encoded.equals(stored.get(name))) {
                write.put(ATTRIBUTE + name, encoded);
            }
        });
        List<String> delete = whole ? List.of() : removed.stream().map(name -> ATTRIBUTE + name).toList();
        return new Changes(write, delete);
    }

    record Changes(Map<String, String> write, List<String> delete) {
        boolean isEmpty() {
            return write.isEmpty() && delete.isEmpty();
        }

        long bytes() {
            long bytes = 0;
            for (Map.Entry<String, String> field : write.entrySet()) {
                bytes += field.getKey().length() + field.getValue().length();
            }
            return bytes;
        }
    }
}
