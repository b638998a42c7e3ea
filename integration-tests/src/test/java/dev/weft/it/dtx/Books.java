package dev.weft.it.dtx;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Both services' books, read by the test from their databases: the money and every phase whose work committed, per
 * transfer. Settled books ({@link #SETTLED}): the money of both services sums to what they opened with, nothing is
 * frozen at the payer or incoming at the payee, and no phase of any transfer committed its work twice.
 */
record Books(long payerMoney, long frozen, long payeeMoney, long incoming, Map<String, List<String>> phases) {
    /** Five accounts of 1000 on each side. */
    static final String SETTLED = "TOTAL 10000 FROZEN 0 INCOMING 0 DUPLICATES 0";

    /** @param payer null to read the payee's books only */
    static Books read(Database payer, Database payee) throws SQLException {
        Map<String, List<String>> phases = new TreeMap<>();
        long[] payerSums = payer == null ? new long[2] : sums(payer, phases);
        long[] payeeSums = sums(payee, phases);
        // The payer's frozen money is still its own; the payee's incoming money is nobody's yet.
        return new Books(payerSums[0] + payerSums[1], payerSums[1], payeeSums[0], payeeSums[1], phases);
    }

    private static long[] sums(Database db, Map<String, List<String>> phases) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement statement = c.createStatement()) {
            long[] sums = new long[2];
            try (ResultSet r = statement.executeQuery("SELECT SUM(balance), SUM(held) FROM account")) {
                r.next();
                sums[0] = r.getLong(1);
                sums[1] = r.getLong(2);
            }
            try (ResultSet r = statement.executeQuery("SELECT transfer, phase FROM journal ORDER BY seq")) {
                while (r.next()) {
                    phases.computeIfAbsent(r.getString(1), t -> new ArrayList<>()).add(r.getString(2));
                }
            }
            return sums;
        }
    }

    /** {@code TOTAL <n> FROZEN <n> INCOMING <n> DUPLICATES <n>}; DUPLICATES counts (transfer, phase) pairs done twice. */
    String summary() {
        return "TOTAL " + (payerMoney + payeeMoney) + " FROZEN " + frozen + " INCOMING " + incoming + " DUPLICATES "
                + duplicates();
    }

    long duplicates() {
        return phases.values().stream()
                .mapToLong(list -> list.size() - list.stream().distinct().count())
                .sum();
    }

    /** How many times {@code phase} of {@code transfer} committed its work. */
    long count(String transfer, String phase) {
        return phases.getOrDefault(transfer, List.of()).stream().filter(phase::equals).count();
    }

    /** Whether both sides of the transfer were confirmed, each once, and nothing cancelled. */
    boolean committed(String transfer) {
        return count(transfer, "DEBIT_TRY") == 1 && count(transfer, "DEBIT_CONFIRM") == 1
                && count(transfer, "CREDIT_TRY") == 1 && count(transfer, "CREDIT_CONFIRM") == 1
                && count(transfer, "DEBIT_CANCEL") == 0 && count(transfer, "CREDIT_CANCEL") == 0;
    }

    /** Whether nothing of the transfer was confirmed, and each try that committed work was cancelled once. */
    boolean rolledBack(String transfer) {
        return count(transfer, "DEBIT_CONFIRM") == 0 && count(transfer, "CREDIT_CONFIRM") == 0
                && count(transfer, "DEBIT_CANCEL") == count(transfer, "DEBIT_TRY")
                && count(transfer, "CREDIT_CANCEL") == count(transfer, "CREDIT_TRY")
                && count(transfer, "DEBIT_TRY") <= 1 && count(transfer, "CREDIT_TRY") <= 1;
    }

    /** Transfers that are neither {@link #committed} nor {@link #rolledBack}: half-applied, or applied twice. */
    List<String> torn() {
        return phases.keySet().stream().filter(t -> !committed(t) && !rolledBack(t)).toList();
    }

    /** Transfers with work done: how many were committed. */
    long committedCount() {
        return phases.keySet().stream().filter(this::committed).count();
    }

    String describe(String transfer) {
        return transfer + " " + phases.getOrDefault(transfer, List.of());
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(summary());
        torn().forEach(t -> text.append("\n  torn: ").append(describe(t)));
        return text.toString();
    }

    /** Where one service keeps its books. */
    record Database(String url, String user, String password) {
    }
}
