package dev.weft.runtime.weave;

/** {@link WeaveStats} filled the way the weaver fills it, for tests of what reads it (JMX, status). */
public final class WeaveFixtures {
    private WeaveFixtures() {
    }

    public static WeaveStats stats(RuleCheck... rules) {
        WeaveStats stats = new WeaveStats();
        for (RuleCheck rule : rules) {
            stats.track(rule);
        }
        return stats;
    }

    /** A rule the weaver has seen but not woven anything for yet. */
    public static void track(WeaveStats stats, RuleCheck rule) {
        stats.track(rule);
    }

    public static void woven(WeaveStats stats, RuleCheck rule) {
        stats.track(rule).woven();
    }

    /** One call of a method woven for {@code rule}, whose site does what {@code site} does. */
    public static void call(WeaveStats stats, RuleCheck rule, Site site) {
        CountingSite counting = new CountingSite(site, stats.track(rule));
        Object scope;
        try {
            scope = counting.enter(Object.class, null, new Object[0]);
        } catch (RuntimeException refused) {
            return;
        }
        if (scope != null) {
            counting.exit(scope, null);
        }
    }
}
