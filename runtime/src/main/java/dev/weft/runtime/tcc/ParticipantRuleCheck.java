package dev.weft.runtime.tcc;

import dev.weft.runtime.config.ParticipantRule;
import dev.weft.runtime.weave.ConfiguredRule;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

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
    public Optional<String> problemWith(MethodDescription tryMethod, ClassFileLocator classFiles) {
        return problem("confirm", rule.confirm(), tryMethod).or(() -> problem("cancel", rule.cancel(), tryMethod));
    }

    private static Optional<String> problem(String role, String name, MethodDescription tryMethod) {
        List<TypeDescription> parameters = tryMethod.getParameters().asTypeList().asErasures();
        String signature = name + "(" + parameters.stream().map(TypeDescription::getActualName)
                .collect(Collectors.joining(", ")) + ")";
        TypeDescription type = tryMethod.getDeclaringType().asErasure();
        try {
            for (TypeDefinition current = type; current != null; current = current.getSuperClass()) {
                for (MethodDescription candidate : current.getDeclaredMethods()) {
                    if (candidate.getName().equals(name)
                            && candidate.getParameters().asTypeList().asErasures().equals(parameters)) {
                        return candidate.isStatic() == tryMethod.isStatic() ? Optional.empty()
                                : Optional.of(role + ": " + signature + " must " + (tryMethod.isStatic() ? "" : "not ")
                                        + "be static, like the try method " + tryMethod.getName());
                    }
                }
            }
        } catch (RuntimeException unresolvableSuperclass) {
            return Optional.empty(); // checked again by reflection when phase two first needs it
        }
        return Optional.of(role + ": no method " + signature + " in " + type.getName() + " or its superclasses; "
                + role + " must be a method of the try's class with the try's parameter types");
    }
}
