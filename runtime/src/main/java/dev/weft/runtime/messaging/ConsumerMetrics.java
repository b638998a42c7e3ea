package dev.weft.runtime.messaging;

import java.util.concurrent.atomic.LongAdder;

/**
 * What one consumer group of one stream did in this process, for operators: plain numbers, read by the JMX layer.
 * One instance per stream and group, shared by the {@link StreamConsumer}s of that group in this process.
 */
public final class ConsumerMetrics {
    private final LongAdder consumed = new LongAdder();
    private final LongAdder retried = new LongAdder();
    private final LongAdder deadLettered = new LongAdder();
    private volatile long pending;

    /** Messages handled and acknowledged. */
    public long consumed() {
        return consumed.sum();
    }

    /** Failed attempts that were followed by another attempt. */
    public long retried() {
        return retried.sum();
    }

    /** Messages moved to the dead-letter stream. */
    public long deadLettered() {
        return deadLettered.sum();
    }

    /**
     * Messages the whole group (every instance) has been given and not acknowledged, as last seen by a consumer here;
     * refreshed about every third of the consumer's claim idle time.
     */
    public long pending() {
        return pending;
    }

    void countConsumed() {
        consumed.increment();
    }

    void countRetried() {
        retried.increment();
    }

    void countDeadLettered() {
        deadLettered.increment();
    }

    void pending(long count) {
        pending = count;
    }
}
