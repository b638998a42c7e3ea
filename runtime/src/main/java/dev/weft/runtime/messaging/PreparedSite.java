package dev.weft.runtime.messaging;

import dev.weft.api.WeftException;
import dev.weft.runtime.jdbc.MessageBarrierTable;
import dev.weft.runtime.jdbc.WorkOutcome;
import dev.weft.runtime.jdbc.WorkScope;
import dev.weft.runtime.weave.Site;

/**
 * A publish method in {@code mode: prepared} (docs/transactional-messages.md): its message is stored in Redis before
 * the body runs (a message that cannot be stored keeps the body from running), and published or discarded by the
 * outcome of the method's transaction, or, with {@code checkBack:}, of the method itself.
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
        prepared.prepare(message, rule.checkAfter(), rule.checkBack().map(PreparedCheck::byMethod).orElse(""));
        metrics.countPrepared();
        if (rule.checkBack().isEmpty()) {
            WorkScope.begin(new PreparedWork(message, prepared, barrier, releases, check));
        }
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
