package dev.weft.runtime.messaging;

import java.util.concurrent.atomic.LongAdder;

/** What happened to one stream's messages in this process since start, for {@code dev.weft:type=Messages}. */
public final class StreamMetrics {
    private final String stream;
    private final LongAdder published = new LongAdder();
    private final LongAdder relayed = new LongAdder();
    private final LongAdder relayFailures = new LongAdder();
    private final LongAdder prepared = new LongAdder();
    private final LongAdder discarded = new LongAdder();
    private final LongAdder checkedBack = new LongAdder();
    private final LongAdder checkBackFailures = new LongAdder();

    StreamMetrics(String stream) {
        this.stream = stream;
    }

    public String stream() {
        return stream;
    }

    /** Messages whose transaction committed: each is in the outbox, and on the stream or on its way. */
    public long published() {
        return published.sum();
    }

    /** Outbox rows this process put on the stream (right after their commit, or left behind and swept). */
    public long relayed() {
        return relayed.sum();
    }

    /** Relays that failed (Redis down, say); the rows stay in the outbox and are swept later. */
    public long relayFailures() {
        return relayFailures.sum();
    }

    /** Prepared messages stored in Redis before their method ran (mode: prepared). */
    public long prepared() {
        return prepared.sum();
    }

    /** Prepared messages dropped: their transaction rolled back, or a check-back found it never committed. */
    public long discarded() {
        return discarded.sum();
    }

    /** Prepared messages resolved by a check-back of this process (published or discarded). */
    public long checkedBack() {
        return checkedBack.sum();
    }

    /** Check-backs that could not decide (database or check-back method unreachable); each is tried again later. */
    public long checkBackFailures() {
        return checkBackFailures.sum();
    }

    void countPrepared() {
        prepared.increment();
    }

    void countDiscarded() {
        discarded.increment();
    }

    void countCheckedBack() {
        checkedBack.increment();
    }

    void countCheckBackFailure() {
        checkBackFailures.increment();
    }

    void countPublished() {
        published.increment();
    }

    void countRelayed(int messages) {
        relayed.add(messages);
    }

    void countRelayFailure() {
        relayFailures.increment();
    }
}
