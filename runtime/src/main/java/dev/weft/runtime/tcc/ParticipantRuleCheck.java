package dev.weft.runtime.tcc;

import dev.weft.runtime.config.ParticipantRule;
import dev.weft.runtime.weave.ConfiguredRule;
import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.TypeShape;
import java.util.List;
import java.util.Optional;

/**
 * A participant checked against a try method it matches: its class (or a superclass) must have the confirm and
 * cancel methods, with the try's parameter types and the try's static-ness.
 */
public class ParticipantRuleCheck extends ConfiguredRule {
    protected final ParticipantRule rule;

    public ParticipantRuleCheck(ParticipantRule rule) {
        super(rule.trySelector(), rule.position());
        this.rule = rule;
    }

    @Override
    public Optional<String> problemWith(MethodShape tryMethod) {
        return problem("confirm", rule.confirm(), tryMethod).or(() -> problem("cancel", rule.cancel(), tryMethod));
    }

    private static Optional<String> problem(String role, String name, MethodShape tryMethod) {
        List<String> parameters = actualNames(tryMethod.parameterTypes());
        String signature = name + "(" + String.join(", ", parameters) + ")";
        TypeShape type = tryMethod.declaringType();
        try {
            for (TypeShape current = type; current != null; current = current.superClass()) {
                for (MethodShape candidate : current.declaredMethods()) {
                    if (candidate.name().equals(name) && actualNames(candidate.parameterTypes()).equals(parameters)) {
                        return candidate.isStatic() == tryMethod.isStatic() ? Optional.empty()
                                : Optional.of(role + ": " + signature + " must " + (tryMethod.isStatic() ? "" : "not ")
                                        + "be static, like the try method " + tryMethod.name());
                    }
                }
            }
        } catch (RuntimeException unresolvableSuperclass) {
            return Optional.empty(); // checked again by reflection when phase two first needs it
        }
        return Optional.of(role + ": no method " + signature + " in " + type.name() + " or its superclasses; "
                + role + " must be a method of the try's class with the try's parameter types");
    }

    private static List<String> actualNames(List<TypeShape> types) {
        return types.stream().map(TypeShape::actualName).toList();
    }
}
