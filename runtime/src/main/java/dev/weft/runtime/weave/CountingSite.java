package dev.weft.runtime.weave;

/**
 * Counts and times the calls of one woven method for its selector's {@link SelectorStats}, around the real site.
 * The scope handed back to the advice carries the body's start time, so nothing per call is kept anywhere else.
 */
final class CountingSite implements Site {
    private final Site site;
    private final SelectorStats stats;

    CountingSite(Site site, SelectorStats stats) {
        this.site = site;
        this.stats = stats;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        stats.called();
        long called = System.nanoTime();
        Object scope;
        try {
            scope = site.enter(declaringType, self, arguments);
        } catch (Throwable refused) {
            stats.failed(System.nanoTime() - called);
            throw refused;
        }
        long entered = System.nanoTime();
        if (scope == null) {
            stats.skipped(entered - called);
            return null;
        }
        stats.entered(entered - called);
        return new Entered(scope, entered);
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        Entered entered = (Entered) scope;
        stats.exited(System.nanoTime() - entered.at());
        site.exit(entered.scope(), thrown);
    }

    @Override
    public void exit(Object scope, Object returned, Throwable thrown) {
        Entered entered = (Entered) scope;
        stats.exited(System.nanoTime() - entered.at());
        site.exit(entered.scope(), returned, thrown);
    }

    @Override
    public Throwable exitAbsorbing(Object scope, Throwable thrown) {
        Entered entered = (Entered) scope;
        stats.exited(System.nanoTime() - entered.at());
        return site.exitAbsorbing(entered.scope(), thrown);
    }

    @Override
    public Object exitReplacing(Object scope, Object returned, Throwable thrown) {
        Entered entered = (Entered) scope;
        stats.exited(System.nanoTime() - entered.at());
        return site.exitReplacing(entered.scope(), returned, thrown);
    }

    private record Entered(Object scope, long at) {
    }
}
