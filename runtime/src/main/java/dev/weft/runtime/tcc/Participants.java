package dev.weft.runtime.tcc;

import dev.weft.runtime.instances.Instances;
import dev.weft.runtime.txlog.ParticipantId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a branch's participant from the names in the log: first a class this process has already seen (its try ran,
 * or an instance was constructed, in whatever class loader), else the system class loader. A class that cannot be
 * found yet is not an error: it may be defined later (a plugin, a web application), so phase two waits for it.
 */
final class Participants {
    private final Map<ParticipantId, Participant> resolved = new ConcurrentHashMap<>();
    private final Instances instances;

    Participants(Instances instances) {
        this.instances = instances;
    }

    /** For a try running now, on its declaring class. */
    Participant bind(Class<?> type, ParticipantId id) {
        return resolved.computeIfAbsent(id, key -> Participant.resolve(type, key));
    }

    /**
     * @return empty while the class cannot be found
     * @throws IllegalStateException when the class no longer has the methods the log names
     */
    Optional<Participant> find(ParticipantId id) {
        Participant participant = resolved.get(id);
        if (participant != null) {
            return Optional.of(participant);
        }
        Optional<Class<?>> type = instances.loadedClass(id.className()).or(() -> fromSystemLoader(id.className()));
        return type.map(t -> bind(t, id));
    }

    /** Loaded but not initialised: its static initialiser runs when the application, or confirm, first uses it. */
    private static Optional<Class<?>> fromSystemLoader(String name) {
        try {
            return Optional.of(Class.forName(name, false, ClassLoader.getSystemClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
