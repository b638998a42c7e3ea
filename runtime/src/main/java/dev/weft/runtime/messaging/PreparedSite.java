package dev.weft.runtime.messaging;

import dev.weft.api.WeftException;
import dev.weft.runtime.jdbc.MessageBarrierTable;
import dev.weft.runtime.jdbc.WorkOutcome;
import dev.weft.runtime.jdbc.WorkScope;
import dev.weft.runtime.weave.Site;

/**
 * A publish method in {@code mode: prepared} (docs/transactional-messages.md): its message is sent to Redis before
 * the body runs, and published or discarded by the outcome of the method's transaction, or, with {@code checkBack:},
 * of the method itself. With {@code checkBack:} the body waits until Redis stored it (a message that cannot be stored
 * keeps the body from running); otherwise the transaction's first statement waits for it (a message that cannot be
 * stored keeps the transaction from beginning, so nothing commits without it).
 */
final class PreparedSite implements Site {
    private final String method;
    private final PublishRule rule;
    private final MessageIds ids;
    private final PreparedMessages prepared;
    private final MessageBarrierTable barrier;
    private final PreparedReleases releases;
    private final PreparedCheck check;
    private final StreamMetrics metrics;

    PreparedSite(String method, PublishRule rule, MessageIds ids, PreparedMessages prepared,
                 MessageBarrierTable barrier, PreparedReleases releases, PreparedCheck check, StreamMetrics metrics) {
        this.method = method;
        this.rule = rule;
        this.ids = ids;
        this.prepared = prepared;
        this.barrier = barrier;
        this.releases = releases;
        this.check = check;
        this.metrics = metrics;
    }

    @Override
    public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
        String payload = Payloads.write(rule.payload(), arguments[rule.payload().argument()], method);
        Message message = new Message(rule.stream(), ids.of(declaringType, arguments), payload,
                System.currentTimeMillis());
        if (rule.checkBack().isPresent()) {
            // nothing later can stop the method's work from happening: the message is stored before it runs
            prepared.prepare(message, rule.checkAfter(), PreparedCheck.byMethod(rule.checkBack().get()));
        } else {
            // its transaction cannot commit before Redis confirmed this (PreparedWork.begun waits for it)
            WorkScope.begin(new PreparedWork(message, prepared.prepareLater(message, rule.checkAfter()), prepared,
                    barrier, releases, check));
        }
        metrics.countPrepared();
        return message;
    }

    @Override
    public void exit(Object scope, Throwable thrown) {
        Message message = (Message) scope;
        if (rule.checkBack().isPresent()) {
            if (thrown == null) {
                releases.committed(message);
            } else {
                releases.rolledBack(message);
            }
            return;
        }
        WorkOutcome outcome = WorkScope.end(thrown);
        if (thrown == null && outcome == WorkOutcome.NO_DATABASE_WORK) {
            releases.rolledBack(message);
            throw new WeftException(method + " returned without any JDBC work, so its prepared message to stream '"
                    + rule.stream() + "' was discarded: its outcome is its transaction's"
                    + " (docs/transactional-messages.md). Publish from the method that writes to the database, or"
                    + " name a checkBack: method that tells whether the work happened");
        }
        if (outcome == WorkOutcome.NO_DATABASE_WORK) {
            releases.rolledBack(message);
        }
    }
}
