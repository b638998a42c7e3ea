package dev.weft.runtime.jmx;

import dev.weft.runtime.messaging.ConsumerMetrics;
import dev.weft.runtime.messaging.DeadLetter;
import dev.weft.runtime.messaging.Messaging;
import dev.weft.runtime.messaging.StreamMetrics;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/** Reads {@link Messaging} for {@link MessagesMXBean}. */
public final class MessagesBean implements MessagesMXBean {
    private static final int DEAD_LETTERS_SHOWN = 20;

    private final Messaging messaging;

    public MessagesBean(Messaging messaging) {
        this.messaging = messaging;
    }

    @Override
    public long getPublished() {
        return sumStreams(StreamMetrics::published);
    }

    @Override
    public long getRelayed() {
        return sumStreams(StreamMetrics::relayed);
    }

    @Override
    public long getPendingInOutbox() {
        return messaging.outboxBacklog();
    }

    @Override
    public long getOldestUnrelayedAgeMillis() {
        return messaging.oldestUnrelayedAgeMillis();
    }

    @Override
    public long getConsumed() {
        return sumConsumers(ConsumerMetrics::consumed);
    }

    @Override
    public long getRetried() {
        return sumConsumers(ConsumerMetrics::retried);
    }

    @Override
    public long getDeadLettered() {
        return sumConsumers(ConsumerMetrics::deadLettered);
    }

    @Override
    public long getDeadLettersWaiting() {
        return messaging.deadLettersWaiting();
    }

    @Override
    public long getPreparedWaiting() {
        return messaging.preparedWaiting();
    }

    @Override
    public long getCheckedBack() {
        return sumStreams(StreamMetrics::checkedBack);
    }

    @Override
    public long getCheckBackFailures() {
        return sumStreams(StreamMetrics::checkBackFailures);
    }

    @Override
    public List<DeadLetter> getDeadLetters() {
        return messaging.newestDeadLetters(DEAD_LETTERS_SHOWN);
    }

    @Override
    public String[] getStreams() {
        return Stream.concat(
                messaging.streams().stream().map(s -> "publish " + s.stream() + ": " + s.published() + " published, "
                        + s.relayed() + " relayed, " + s.relayFailures() + " relay failures" + (s.prepared() == 0 ? ""
                        : ", " + s.prepared() + " prepared, " + s.discarded() + " discarded, " + s.checkedBack()
                        + " checked back, " + s.checkBackFailures() + " check-back failures")),
                messaging.consumers().stream().map(c -> "consume " + c.rule().stream() + " as " + c.rule().group()
                        + ": " + c.metrics().consumed() + " consumed, " + c.metrics().retried() + " retried, "
                        + c.metrics().deadLettered() + " dead-lettered"))
                .toArray(String[]::new);
    }

    private long sumStreams(ToLongFunction<StreamMetrics> count) {
        return messaging.streams().stream().mapToLong(count).sum();
    }

    private long sumConsumers(ToLongFunction<ConsumerMetrics> count) {
        return messaging.consumers().stream().map(Messaging.ConsumerInfo::metrics).mapToLong(count).sum();
    }
}
