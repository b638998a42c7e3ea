package dev.weft.runtime.weave;

/**
 * Runs a site with the runtime's context loader ({@link RuntimeContextLoader}), for every site that does not
 * {@linkplain Site#setsContextLoader() set it itself} where it needs it.
 */
final class ContextLoaderSite implements Site {
    private final Site site;

    ContextLoaderSite(Site site) {
        this.site = site;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        ClassLoader application = RuntimeContextLoader.use();
        try {
            return site.enter(declaringType, self, arguments);
        } finally {
            RuntimeContextLoader.restore(application);
        }
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        ClassLoader application = RuntimeContextLoader.use();
        try {
            site.exit(scope, thrown);
        } finally {
            RuntimeContextLoader.restore(application);
        }
    }

    @Override
    public void exit(Object scope, Object returned, Throwable thrown) {
        ClassLoader application = RuntimeContextLoader.use();
        try {
            site.exit(scope, returned, thrown);
        } finally {
            RuntimeContextLoader.restore(application);
        }
    }

    @Override
    public Throwable exitAbsorbing(Object scope, Throwable thrown) {
        ClassLoader application = RuntimeContextLoader.use();
        try {
            return site.exitAbsorbing(scope, thrown);
        } finally {
            RuntimeContextLoader.restore(application);
        }
    }

    @Override
    public Object exitReplacing(Object scope, Object returned, Throwable thrown) {
        ClassLoader application = RuntimeContextLoader.use();
        try {
            return site.exitReplacing(scope, returned, thrown);
        } finally {
            RuntimeContextLoader.restore(application);
        }
    }
}
