package dev.weft.runtime.tcc;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.ParticipantRule;
import dev.weft.runtime.txlog.ParticipantId;
import dev.weft.runtime.weave.Descriptors;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The participants whose branches this process runs in phase two with a shared log: those its own {@code weft.yaml}
 * names. A branch is this process's when its participant matches a participant rule by name (class, try method and
 * parameter types), or when this process wove that very try (a {@code +Type} selector matches subclasses, which no name
 * test can see). Another service's branches are never run here, even if the class happens to be on the class path:
 * that service's instance and database are the ones its confirm must use.
 */
final class DeclaredParticipants {
    private final List<MethodSelector> selectors;
    private final Set<ParticipantId> woven = ConcurrentHashMap.newKeySet();

    DeclaredParticipants(List<ParticipantRule> rules) {
        this.selectors = rules.stream().map(ParticipantRule::trySelector).toList();
    }

    /** A try of a participant was woven in this process. */
    void woven(ParticipantId id) {
        woven.add(id);
    }

    /** For a wake-up, which names only classes: whether any participant of this process may be in {@code className}. */
    boolean declaresClass(String className) {
        return woven.stream().anyMatch(id -> id.className().equals(className))
                || selectors.stream().anyMatch(s -> !s.includeSubtypes() && s.matchesTypeName(className));
    }

    boolean declares(ParticipantId id) {
        if (woven.contains(id)) {
            return true;
        }
        List<String> parameters = Descriptors.parameterTypeNames(id.descriptor());
        return selectors.stream().anyMatch(selector -> !selector.includeSubtypes()
                && selector.matchesTypeName(id.className()) && selector.matchesMethodName(id.tryMethod())
                && selector.matchesParameters(parameters));
    }
}
