package dev.weft.runtime.lock;

import dev.weft.runtime.config.LockRule;
import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.key.ParameterNames;
import dev.weft.runtime.key.ResolvedKeyTemplate;
import dev.weft.runtime.weave.ConfiguredRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.method.ParameterDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

/** A {@code locks:} entry checked against a method: does its key template fit the method's parameters? */
public class LockRuleCheck extends ConfiguredRule {
    protected final LockRule rule;

    public LockRuleCheck(LockRule rule) {
        super(rule.selector(), rule.position());
        this.rule = rule;
    }

    @Override
    public Optional<String> problemWith(MethodDescription method, ClassFileLocator classFiles) {
        try {
            resolveKey(method, classFiles);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage()); // names the template, the method and the placeholder already
        }
    }

    @Override
    public SourcePosition problemPosition() {
        return rule.keyPosition();
    }

    protected ResolvedKeyTemplate resolveKey(MethodDescription method, ClassFileLocator classFiles) {
        return rule.key().resolve(method, parameterNames(method, classFiles));
    }

    /** From {@code -parameters} when compiled with it, else from debug information, else null (no names). */
    private static List<String> parameterNames(MethodDescription method, ClassFileLocator classFiles) {
        List<String> names = new ArrayList<>();
        for (ParameterDescription parameter : method.getParameters()) {
            if (!parameter.isNamed()) {
                return fromDebugInfo(method, classFiles);
            }
            names.add(parameter.getName());
        }
        return names;
    }

    private static List<String> fromDebugInfo(MethodDescription method, ClassFileLocator classFiles) {
        try {
            ClassFileLocator.Resolution classFile = classFiles.locate(method.getDeclaringType().asErasure().getName());
            return classFile.isResolved()
                    ? ParameterNames.read(classFile.resolve(), method.getInternalName(), method.getDescriptor())
                    : null;
        } catch (IOException e) {
            return null;
        }
    }
}
