package dev.weft.runtime.notification;

import dev.weft.runtime.txlog.LogRecord;
import dev.weft.runtime.txlog.RecordLog;
import dev.weft.runtime.txlog.SegmentLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Recorded calls beside the file transaction log ({@code transactions.log.type: file}): a segment log of its own in
 * {@code <transactions.log.dir>/notifications}, written by the file log's engine ({@link SegmentLog}: CRC-framed
 * records, group-commit fsync, snapshots, a torn tail cut off at start-up). Each change appends the call's whole new
 * state ({@link LogRecord.Notification}) or its removal, and returns only once that is on disk. The state lives in
 * memory and is rebuilt from the segment at start-up.
 *
 * <p>The directory is locked by the one process that opened it, so only that process (and, after it stops or dies,
 * the next one started on the same directory) makes the calls: "another instance continues the schedule" becomes
 * "the restarted instance continues it" (docs/notifications.md, "Stores"). Tokens are not written: a restart voids
 * every hold, and a call whose attempt was cut short is due when its lease ends, as the claim wrote.
 */
public final class FileNotificationStore implements NotificationStore {
    static final String DIRECTORY = "notifications";

    private final RecordLog log;
    private final String where;
    private final ReentrantLock lock = new ReentrantLock();
    /** In the order they were first recorded. */
    private final Map<String, Held> calls = new LinkedHashMap<>();

    /** A call's last written state, and the token of the attempt holding it (in memory only). */
    private record Held(NotificationCall call, LogRecord.Notification state, String token) {
        boolean pending() {
            return state.deadMillis() == 0;
        }

        boolean heldBy(String attempt) {
            return pending() && token.equals(attempt);
        }
    }

    FileNotificationStore(RecordLog log, List<LogRecord.Notification> recovered, String where) {
        this.log = log;
        this.where = where;
        recovered.forEach(state -> calls.put(state.id(), new Held(CallJson.read(state.call()), state, "")));
    }

    /**
     * Locks and replays {@code <logDir>/notifications}, creating it when missing.
     *
     * @throws dev.weft.runtime.txlog.DirectoryInUseException when another process has it open
     */
    public static FileNotificationStore open(Path logDir) {
        Path dir = logDir.resolve(DIRECTORY).toAbsolutePath().normalize();
        SegmentLog log = SegmentLog.open(dir);
        return new FileNotificationStore(log, log.recoveredNotifications(), "the file notification log in " + dir);
    }

    @Override
    public void record(NotificationCall call, String token, long dueMillis, long leaseMillis) {
        write(new Held(call, new LogRecord.Notification(call.id(), CallJson.write(call), dueMillis, 1, leaseMillis,
                "", 0), token));
    }

    @Override
    public boolean extend(String id, String token, long dueMillis) {
        return change(id, held -> held.heldBy(token), held -> new LogRecord.Notification(id, held.state().call(),
                dueMillis, held.state().attempts(), held.state().leaseMillis(), held.state().lastError(), 0), token);
    }

    @Override
    public boolean succeeded(String id, String token) {
        return forget(id, held -> held.heldBy(token));
    }

    @Override
    public boolean retryAt(String id, String token, long dueMillis, long leaseMillis, String error) {
        return change(id, held -> held.heldBy(token), held -> new LogRecord.Notification(id, held.state().call(),
                dueMillis, held.state().attempts(), leaseMillis, StateText.oneLine(error), 0), token);
    }

    @Override
    public boolean deadLetter(String id, String token, int attempts, long nowMillis, String error) {
        return change(id, held -> held.heldBy(token), held -> new LogRecord.Notification(id, held.state().call(), 0,
                attempts, held.state().leaseMillis(), StateText.oneLine(error), nowMillis), "");
    }

    @Override
    public List<Claim> claimDue(long nowMillis, int count) {
        log.repair(); // a failed write left the log refusing records; claims are polled, so they retry it
        String prefix = UUID.randomUUID().toString();
        List<Claim> claimed = new ArrayList<>();
        long position = 0;
        lock.lock();
        try {
            List<Held> due = calls.values().stream()
                    .filter(held -> held.pending() && held.state().dueMillis() <= nowMillis)
                    .sorted(Comparator.comparingLong(held -> held.state().dueMillis()))
                    .limit(count)
                    .toList();
            for (Held held : due) {
                String token = prefix + ":" + (claimed.size() + 1);
                LogRecord.Notification was = held.state();
                LogRecord.Notification claim = new LogRecord.Notification(was.id(), was.call(),
                        nowMillis + was.leaseMillis(), was.attempts() + 1, was.leaseMillis(), was.lastError(), 0);
                position = log.append(claim);
                calls.put(was.id(), new Held(held.call(), claim, token));
                claimed.add(new Claim(held.call(), claim.attempts(), token, was.lastError()));
            }
        } finally {
            lock.unlock();
        }
        if (!claimed.isEmpty()) {
            log.awaitDurable(position); // an attempt counted only in memory would be made again after a crash
        }
        return claimed;
    }

    @Override
    public Optional<NotificationCall> find(String id) {
        lock.lock();
        try {
            return Optional.ofNullable(calls.get(id)).map(Held::call);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long pending() {
        return count(Held::pending);
    }

    @Override
    public long dead() {
        return count(held -> !held.pending());
    }

    private long count(Predicate<Held> which) {
        lock.lock();
        try {
            return calls.values().stream().filter(which).count();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<DeadLetter> deadLetters() {
        lock.lock();
        try {
            return calls.values().stream().filter(held -> !held.pending())
                    .sorted(Comparator.comparingLong(held -> held.state().deadMillis()))
                    .map(held -> new DeadLetter(held.state().id(), held.call().method(), held.state().attempts(),
                            held.state().deadMillis(), held.state().lastError()))
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean replay(String id, long nowMillis, long leaseMillis) {
        return change(id, held -> !held.pending(), held -> new LogRecord.Notification(id, held.state().call(),
                nowMillis, 0, leaseMillis, "replayed by an operator", 0), "replayed");
    }

    @Override
    public boolean discard(String id) {
        return forget(id, held -> !held.pending());
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public void close() {
        log.close();
    }

    /** Replaces the call's state, whatever it was, and waits for the disk. */
    private void write(Held held) {
        long position;
        lock.lock();
        try {
            position = log.append(held.state());
            calls.put(held.state().id(), held);
        } finally {
            lock.unlock();
        }
        log.awaitDurable(position);
    }

    /** Writes the call's next state if {@code when} holds for it now, and waits for the disk. */
    private boolean change(String id, Predicate<Held> when, Function<Held, LogRecord.Notification> next,
                           String token) {
        return rewrite(id, when, held -> new Held(held.call(), next.apply(held), token));
    }

    /** Forgets the call if {@code when} holds for it now, and waits for the disk. */
    private boolean forget(String id, Predicate<Held> when) {
        return rewrite(id, when, held -> null);
    }

    /** Replaces the call by what {@code next} makes of it (null: gone) if {@code when} holds, and waits for the disk. */
    private boolean rewrite(String id, Predicate<Held> when, UnaryOperator<Held> next) {
        long position;
        lock.lock();
        try {
            Held held = calls.get(id);
            if (held == null || !when.test(held)) {
                return false;
            }
            Held after = next.apply(held);
            position = log.append(after == null ? new LogRecord.NotificationGone(id) : after.state());
            if (after == null) {
                calls.remove(id);
            } else {
                calls.put(id, after);
            }
        } finally {
            lock.unlock();
        }
        log.awaitDurable(position);
        return true;
    }
}
