package dev.weft.runtime.cli;

import dev.weft.runtime.jmx.SelectorView;
import dev.weft.runtime.jmx.StatusReport;
import dev.weft.runtime.jmx.TransactionView;
import dev.weft.runtime.lock.HeldLockInfo;
import dev.weft.runtime.messaging.DeadLetter;
import dev.weft.runtime.weave.Percentiles;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code weft status} for people: a few lines of totals, then one table per kind of thing. */
final class StatusText {
    private StatusText() {
    }

    static String render(StatusReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Weft ").append(report.version()).append(" in pid ").append(report.pid())
                .append(", config ").append(report.configFile()).append('\n');
        if (report.redis() != null) {
            out.append("Redis: ").append(report.redis()).append('\n');
        }
        out.append(String.format(Locale.ROOT, "Woven methods: %d; rejected (every call fails): %d; weave failures: %d%n",
                report.wovenMethods(), report.rejectedMethods(), report.weaveFailures()));
        selectors(out, report.selectors(), report.configFile());
        if (report.locks() != null) {
            locks(out, report.locks());
        }
        transactions(out, report.transactions());
        if (report.messages() != null) {
            messages(out, report.messages());
        }
        if (report.notifications() != null) {
            notifications(out, report.notifications());
        }
        if (report.sessions() != null) {
            sessions(out, report.sessions());
        }
        if (report.xa() != null) {
            xa(out, report.xa());
        }
        return out.toString();
    }

    private static void xa(StringBuilder out, StatusReport.Xa xa) {
        out.append(String.format(Locale.ROOT, "%nXA: %d open; %d begun, %d committed, %d rolled back (%d timed out),"
                + " %d failed%n", xa.active(), xa.begun(), xa.committed(), xa.rolledBack(), xa.timedOut(), xa.failed()));
        if (xa.unread() != null) {
            out.append("  in-doubt branches could not be read: ").append(xa.unread()).append('\n');
        } else if (!xa.inDoubt().isEmpty()) {
            TextTable table = new TextTable("IN DOUBT (XID)", "DATABASE");
            xa.inDoubt().forEach(branch -> table.row(branch.xid(), branch.database()));
            table.appendTo(out, "  ");
        }
    }

    private static void selectors(StringBuilder out, List<SelectorView> selectors, String configFile) {
        out.append("\nSelectors\n");
        TextTable table = new TextTable("AT", "SELECTOR", "WOVEN", "CALLS", "FAILED", "SKIPPED", "WAIT p99",
                "RUN p99", "");
        for (SelectorView s : selectors) {
            table.row(shortPosition(s.position(), configFile), s.selector(), s.wovenMethods(), s.calls(),
                    s.failures(), s.skipped(), p99(s.waitTimes()), p99(s.runTimes()),
                    s.wovenMethods() == 0 ? "matched nothing yet" : "");
        }
        table.appendTo(out, "  ");
    }

    private static void locks(StringBuilder out, StatusReport.Locks locks) {
        out.append(String.format(Locale.ROOT, "%nLocks: %d acquired, %d busy, %d lost, %d errors, %d held now%n",
                locks.acquired(), locks.busy(), locks.lost(), locks.errors(), locks.heldNow()));
        percentiles(out, "wait", locks.waitTimes());
        percentiles(out, "hold", locks.holdTimes());
        if (locks.held().isEmpty()) {
            out.append("  Held locks: none\n");
        } else {
            out.append("  Held locks\n");
            TextTable table = new TextTable("KEY", "HOLDER", "TOKEN", "HELD FOR", "LEASE LEFT", "");
            for (HeldLockInfo lock : locks.held()) {
                table.row(lock.key(), lock.holderThread(), lock.token(), duration(lock.heldForMillis()),
                        duration(lock.leaseLeftMillis()), lock.lost() ? "LOST: token is stale" : "");
            }
            table.appendTo(out, "    ");
        }
        if (locks.waiters().isEmpty()) {
            out.append("  Waiters: none\n");
        } else {
            out.append("  Waiters\n");
            TextTable table = new TextTable("KEY", "THREADS WAITING");
            locks.waiters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> table.row(e.getKey(), e.getValue()));
            table.appendTo(out, "    ");
        }
    }

    private static void transactions(StringBuilder out, StatusReport.Transactions tx) {
        if (tx == null) {
            out.append("\nTransactions: no transactions configured\n");
            return;
        }
        out.append(String.format(Locale.ROOT,
                "%nTransactions: %d begun, %d committed, %d rolled back, %d active, %d recovering, %d failed%n",
                tx.begun(), tx.committed(), tx.rolledBack(), tx.active(), tx.recovering(), tx.failed()));
        transactionTable(out, "Open", tx.open());
        transactionTable(out, "FAILED (need an operator)", tx.failedTransactions());
    }

    private static void messages(StringBuilder out, StatusReport.Messages m) {
        out.append(String.format(Locale.ROOT, "%nMessages: %d published, %d relayed, %d consumed, %d retried, %d"
                + " dead-lettered%n", m.published(), m.relayed(), m.consumed(), m.retried(), m.deadLettered()));
        out.append(m.pendingInOutbox() == 0
                ? "  Outbox backlog: none\n"
                : String.format(Locale.ROOT, "  Outbox backlog: %d message(s) committed and not on a stream yet, the"
                        + " oldest for %s%n", m.pendingInOutbox(), duration(m.oldestUnrelayedAgeMillis())));
        m.streams().forEach(line -> out.append("  ").append(line).append('\n'));
        if (m.deadLettersUnread() != null) {
            out.append("  Dead letters: could not be read: ").append(m.deadLettersUnread()).append('\n');
        } else if (m.deadLettersWaiting() == 0) {
            out.append("  Dead letters: none\n");
        } else {
            out.append("  Dead letters: ").append(m.deadLettersWaiting())
                    .append(" waiting in <stream>.dlq (newest first)\n");
            TextTable table = new TextTable("STREAM", "GROUP", "MESSAGE", "ATTEMPTS", "AT", "ERROR");
            for (DeadLetter d : m.deadLetters()) {
                table.row(d.stream(), d.group(), d.messageId(), d.attempts(),
                        Instant.ofEpochMilli(d.deadLetteredAtMillis()).toString(), d.error());
            }
            table.appendTo(out, "    ");
        }
    }

    private static void sessions(StringBuilder out, StatusReport.Sessions s) {
        out.append(String.format(Locale.ROOT, "%nSessions (this process): %d active, %d read, %d written (%d bytes),"
                + " %d created, %d invalidated, %d refused by the allow-list, %d Redis errors%n", s.active(), s.reads(),
                s.writes(), s.bytesWritten(), s.created(), s.invalidated(), s.refusals(), s.redisErrors()));
    }

    private static void notifications(StringBuilder out, StatusReport.Notifications n) {
        if (n.unread() != null) {
            out.append(String.format(Locale.ROOT, "%nNotifications: could not be read: %s%n", n.unread()));
        } else {
            out.append(String.format(Locale.ROOT, "%nNotifications: %d pending, %d dead%n", n.pending(), n.dead()));
        }
        out.append(String.format(Locale.ROOT, "  This process: %d recorded, %d succeeded, %d retried, %d"
                + " dead-lettered%n", n.recorded(), n.succeeded(), n.retried(), n.deadLettered()));
        if (!n.deadLetters().isEmpty()) {
            TextTable table = new TextTable("ID", "METHOD", "ATTEMPTS", "AT", "LAST ERROR");
            for (var d : n.deadLetters()) {
                table.row(d.id(), d.method(), d.attempts(), Instant.ofEpochMilli(d.deadAtMillis()).toString(),
                        d.lastError());
            }
            table.appendTo(out, "    ");
        }
    }

    private static void transactionTable(StringBuilder out, String title, List<TransactionView> transactions) {
        if (transactions.isEmpty()) {
            out.append("  ").append(title).append(": none\n");
            return;
        }
        out.append("  ").append(title).append('\n');
        TextTable table = new TextTable("XID", "STATE", "AGE", "BRANCHES", "DETAIL");
        for (TransactionView t : transactions) {
            table.row(t.xid(), t.state(), duration(t.ageMillis()), t.branches(), t.detail());
        }
        table.appendTo(out, "    ");
    }

    private static void percentiles(StringBuilder out, String what, Percentiles p) {
        if (p.count() == 0) {
            return;
        }
        out.append(String.format(Locale.ROOT, "  %s  p50 %s  p90 %s  p99 %s  max %s  (%d calls)%n", what,
                duration(p.p50Millis()), duration(p.p90Millis()), duration(p.p99Millis()), duration(p.maxMillis()),
                p.count()));
    }

    private static String p99(Percentiles p) {
        return p.count() == 0 ? "-" : duration(p.p99Millis());
    }

    /** The position without the config file's name when it is the one in the header: {@code 14:5}. */
    private static String shortPosition(String position, String configFile) {
        return position.startsWith(configFile + ":") ? position.substring(configFile.length() + 1) : position;
    }

    /** {@code 0.35ms}, {@code 42ms}, {@code 2.5s}, {@code 3m05s}. */
    static String duration(double millis) {
        if (millis < 10) {
            return String.format(Locale.ROOT, "%.2fms", millis);
        }
        if (millis < 1000) {
            return String.format(Locale.ROOT, "%.0fms", millis);
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000);
        }
        long seconds = (long) (millis / 1000);
        return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
}
