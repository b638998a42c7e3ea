package dev.weft.runtime.jdbc;

import dev.weft.runtime.weave.Site;

/**
 * The site of {@code Driver.connect} and {@code DataSource.getConnection} when {@link WorkScope}s are followed: the
 * opening hook's work (calls made while opening are never a phase's or a method's work), plus telling
 * {@link ConnectionOpeners} how the connection was opened. Woven with the argument array (the URL and properties are
 * what a poller needs later), so its answer must never be {@code null}: that would skip the body.
 */
final class OpeningHook implements Site {
    private final JdbcHook opening;
    private final ConnectionOpeners openers;

    OpeningHook(JdbcHook opening, ConnectionOpeners openers) {
        this.opening = opening;
        this.openers = openers;
    }

    private record Opening(Object inner, Object source, Object[] arguments) {
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        return new Opening(opening.enter(declaringType, self, null), self, arguments);
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        Opening call = (Opening) scope;
        if (call.inner() != null) {
            opening.exit(call.inner(), thrown);
        }
        if (thrown == null && call.source() != null) {
            openers.opened(call.source(), call.arguments());
        }
    }
}
