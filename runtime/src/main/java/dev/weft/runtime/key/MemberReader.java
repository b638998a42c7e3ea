package dev.weft.runtime.key;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Binds a {@link Step} to the member that reads it, once per woven method, so that rendering a key needs no
 * reflective look-up.
 *
 * @param handle takes the owner as {@code Object} and returns the value as {@code Object}, boxing primitives
 * @param type   the declared type of the value, where the next step is looked up
 */
record MemberReader(MethodHandle handle, Class<?> type) {
    private static final MethodType GENERIC = MethodType.methodType(Object.class, Object.class);
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    /** @throws IllegalStateException when the member is gone or cannot be made accessible */
    static MemberReader bind(Class<?> owner, Step step, String where) {
        try {
            if (step.field()) {
                Field field = owner.getField(step.member());
                open(field, where);
                return new MemberReader(LOOKUP.unreflectGetter(field).asType(GENERIC), field.getType());
            }
            Method method = owner.getMethod(step.member());
            open(method, where);
            return new MemberReader(LOOKUP.unreflect(method).asType(GENERIC), method.getReturnType());
        } catch (NoSuchFieldException | NoSuchMethodException e) {
            throw new IllegalStateException(where + ": " + owner.getName() + " has no public " + step.member()
                    + (step.field() ? "" : "()") + " any more; the class has changed since the template was checked",
                    e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(where + ": cannot read " + step.member() + " of " + owner.getName()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * A public member of a class that is not public needs {@code setAccessible}; in a named module that does not
     * open its package to Weft even that fails, and the user has to point the template elsewhere.
     */
    private static <T extends AccessibleObject & Member> void open(T member, String where) {
        if (Modifier.isStatic(member.getModifiers())) {
            throw new IllegalStateException(where + ": " + member + " is static; the class has changed since the"
                    + " template was checked");
        }
        if (!member.trySetAccessible()) {
            throw new IllegalStateException(where + ": Weft may not read " + member + ": its module does not open "
                    + member.getDeclaringClass().getPackageName() + " to Weft; open it, or point the template at a"
                    + " property of a public type");
        }
    }
}
