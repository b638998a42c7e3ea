package dev.weft.runtime.tcc;

import dev.weft.runtime.config.ParticipantRule;
import dev.weft.runtime.instances.InstanceSite;
import dev.weft.runtime.instances.Instances;
import dev.weft.runtime.txlog.ParticipantId;
import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.TypeShape;
import dev.weft.runtime.weave.WeaveRule;
import java.util.Optional;

/** A participant as the weaver applies it: a {@link ParticipantSite} on each try, instance tracking on its class. */
final class ParticipantWeaveRule extends ParticipantRuleCheck implements WeaveRule {
    private final Coordination coordinator;
    private final Participants participants;
    private final Instances instances;
    private final DeclaredParticipants declared;

    ParticipantWeaveRule(ParticipantRule rule, Coordination coordinator, Participants participants, Instances instances,
                         DeclaredParticipants declared) {
        super(rule);
        this.declared = declared;
        this.coordinator = coordinator;
        this.participants = participants;
        this.instances = instances;
    }

    @Override
    public Site createSite(MethodShape method) {
        ParticipantId id = new ParticipantId(method.declaringType().name(), method.name(), method.descriptor(),
                rule.confirm(), rule.cancel());
        declared.woven(id);
        return new ParticipantSite(id, coordinator, participants);
    }

    @Override
    public Optional<Site> instanceSite(TypeShape type) {
        return Optional.of(new InstanceSite(type.name(), instances));
    }
}
