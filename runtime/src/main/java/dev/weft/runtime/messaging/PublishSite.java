package dev.weft.runtime.messaging;

import dev.weft.api.WeftException;
import dev.weft.runtime.jdbc.OutboxTable;
import dev.weft.runtime.jdbc.WorkOutcome;
import dev.weft.runtime.jdbc.WorkScope;
import dev.weft.runtime.weave.Site;

/**
 * A publish method: its message is written into the outbox inside the transaction of the method's JDBC work, and
 * relayed once that transaction commits. A payload taken from the arguments is built before the body runs (one that
 * cannot be built keeps the body from running); a return value's, when the body has returned (one that cannot be
 * built fails the call as if the body had thrown: no message, and a transaction Weft owns rolls back).
 */
final class PublishSite implements Site {
    private final String method;
    private final PublishRule rule;
    private final MessageIds ids;
    private final OutboxTable table;
    private final OutboxRelay relay;
    private final StreamMetrics metrics;

    PublishSite(String method, PublishRule rule, MessageIds ids, OutboxTable table, OutboxRelay relay,
                StreamMetrics metrics) {
        this.method = method;
        this.rule = rule;
        this.ids = ids;
        this.table = table;
        this.relay = relay;
        this.metrics = metrics;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        PayloadTemplate payload = rule.payload();
        OutboxWork work = new OutboxWork(method, ids.of(declaringType, arguments), table, relay, metrics);
        if (!payload.isReturnValue()) {
            work.carry(message(work.messageId(), arguments[payload.argument()]));
        }
        WorkScope.begin(work);
        return work;
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        exit(scope, null, thrown);
    }

    /**
     * Fails closed: a method that returned without any JDBC work has no transaction to carry its message, so the
     * caller learns that nothing was published rather than believing it was.
     */
    @Override
    public void exit(Object scope, Object returned, Throwable thrown) {
        WeftException unpublishable = null;
        if (thrown == null && rule.payload().isReturnValue()) {
            try {
                OutboxWork work = (OutboxWork) scope;
                work.carry(message(work.messageId(), returned));
            } catch (WeftException e) {
                unpublishable = e;
            }
        }
        WorkOutcome outcome = WorkScope.end(thrown != null ? thrown : unpublishable);
        if (unpublishable != null) {
            throw unpublishable;
        }
        if (thrown == null && outcome == WorkOutcome.NO_DATABASE_WORK) {
            throw new WeftException(method + " returned without any JDBC work, so its message to stream '"
                    + rule.stream() + "' was not published: the outbox writes the message in the transaction of the"
                    + " method's own database work (docs/outbox.md). Publish from the method that writes to the"
                    + " database, or remove it from messages.publish");
        }
    }

    private Message message(String id, Object root) {
        String payload = Payloads.write(rule.payload(), root, method);
        return new Message(rule.stream(), id, payload, System.currentTimeMillis());
    }
}
