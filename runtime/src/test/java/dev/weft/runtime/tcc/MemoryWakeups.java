package dev.weft.runtime.tcc;

import dev.weft.runtime.txlog.Wakeups;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Pub/sub in memory: every endpoint hears every message, itself included, on the publisher's thread, as a message bus
 * would deliver it to each subscriber. {@link #published} keeps what was sent, for assertions.
 */
final class MemoryWakeups {
    final List<String> published = new CopyOnWriteArrayList<>();
    private final List<BiConsumer<String, Set<String>>> listeners = new CopyOnWriteArrayList<>();

    Wakeups endpoint() {
        List<BiConsumer<String, Set<String>>> mine = new CopyOnWriteArrayList<>();
        return new Wakeups() {
            @Override
            public void publish(String xid, Set<String> participantClasses) {
                published.add(xid + " " + participantClasses);
                listeners.forEach(listener -> listener.accept(xid, participantClasses));
            }

            @Override
            public void subscribe(BiConsumer<String, Set<String>> listener) {
                mine.add(listener);
                listeners.add(listener);
            }

            @Override
            public void close() {
                listeners.removeAll(mine);
            }
        };
    }
}
