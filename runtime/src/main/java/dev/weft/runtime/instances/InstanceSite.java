package dev.weft.runtime.instances;

import dev.weft.runtime.weave.Site;

/** The constructors of a class whose methods Weft calls itself: each new instance is remembered (weakly). */
public final class InstanceSite implements Site {
    private final String typeName;
    private final Instances instances;

    public InstanceSite(String typeName, Instances instances) {
        this.typeName = typeName;
        this.instances = instances;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        throw new IllegalStateException("weft: constructor advice only reports finished instances");
    }

    /** @param scope the instance whose constructor (of this class, maybe called by a subclass's) returned */
    @Override
    public void exit(Object scope, Throwable thrown) {
        for (Class<?> type = scope.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(typeName)) {
                instances.constructed(type, scope);
                return;
            }
        }
    }
}
