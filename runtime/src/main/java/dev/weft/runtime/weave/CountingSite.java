package dev.weft.runtime.weave;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Counts and times the calls of one woven method for its selector's {@link SelectorStats}, around the real site.
 * Every call is counted; times are sampled, since reading the clock and recording twice per call would cost more than
 * the rest of a reentrant call: every call among a selector's first {@link #TIME_ALL_FIRST}, then one in
 * {@link #SAMPLE_ONE_IN} (a call that fails or is skipped is counted either way). A timed call's scope carries the
 * body's start time, so nothing per call is kept anywhere else.
 */
final class CountingSite implements Site {
    static final int TIME_ALL_FIRST = 256;
    static final int SAMPLE_ONE_IN = 16;

    private final Site site;
    private final SelectorStats stats;
    /** Racy on purpose: a rough count is enough to time a new selector's first calls. */
    private int early;

    CountingSite(Site site, SelectorStats stats) {
        this.site = site;
        this.stats = stats;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        stats.called();
        if (!timed()) {
            return enterUntimed(declaringType, self, arguments);
        }
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
    public boolean setsContextLoader() {
        return site.setsContextLoader();
    }

    private Object enterUntimed(Class<?> declaringType, Object self, Object[] arguments) {
        Object scope;
        try {
            scope = site.enter(declaringType, self, arguments);
        } catch (Throwable refused) {
            stats.countFailure();
            throw refused;
        }
        if (scope == null) {
            stats.countSkip();
        }
        return scope;
    }

    private boolean timed() {
        if (early < TIME_ALL_FIRST) {
            early++;
            return true;
        }
        return ThreadLocalRandom.current().nextInt(SAMPLE_ONE_IN) == 0;
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        site.exit(untimed(scope), thrown);
    }

    @Override
    public void exit(Object scope, Object returned, Throwable thrown) {
        site.exit(untimed(scope), returned, thrown);
    }

    @Override
    public Throwable exitAbsorbing(Object scope, Throwable thrown) {
        return site.exitAbsorbing(untimed(scope), thrown);
    }

    @Override
    public Object exitReplacing(Object scope, Object returned, Throwable thrown) {
        return site.exitReplacing(untimed(scope), returned, thrown);
    }

    /** The site's own scope, having recorded how long the body ran when the call was timed. */
    private Object untimed(Object scope) {
        if (scope instanceof Entered entered) {
            stats.exited(System.nanoTime() - entered.at());
            return entered.scope();
        }
        return scope;
    }

    private record Entered(Object scope, long at) {
    }
}
