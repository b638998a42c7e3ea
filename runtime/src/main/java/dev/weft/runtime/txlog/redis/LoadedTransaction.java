package dev.weft.runtime.txlog.redis;

import dev.weft.runtime.txlog.BranchState;
import dev.weft.runtime.txlog.Phase;
import dev.weft.runtime.txlog.LoggedTransaction;
import dev.weft.runtime.txlog.LoggedTransaction.LoggedBranch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the reply of {@code load.lua}: the transaction's hash, its branches' hash and its due time. */
final class LoadedTransaction {
    private static final String STATE = ":state";

    private LoadedTransaction() {
    }

    /** @throws IllegalArgumentException when the stored data is not what this version of Weft writes */
    static Optional<LoggedTransaction> read(String xid, List<Object> reply) {
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> fields = pairs(reply.get(0));
        Map<String, String> branchFields = pairs(reply.get(1));
        long dueAt = reply.get(2) == null ? 0 : TxScripts.score((String) reply.get(2));
        try {
            return Optional.of(new LoggedTransaction(xid, fields.get("origin"), Long.parseLong(fields.get("startedAt")),
                    Long.parseLong(fields.get("deadline")), Phase.valueOf(fields.get("phase")), fields.get("failure"),
                    Integer.parseInt(fields.get("attempts")), dueAt, branches(branchFields)));
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new IllegalArgumentException("transaction " + xid + " is stored as " + fields + ", which this"
                    + " version of Weft does not read: " + e, e);
        }
    }

    private static List<LoggedBranch> branches(Map<String, String> fields) {
        List<LoggedBranch> branches = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (!field.endsWith(STATE)) {
                BranchCodec.Decoded record = BranchCodec.decode(value);
                branches.add(new LoggedBranch(Integer.parseInt(field), record.participant(), record.arguments(),
                        BranchState.valueOf(fields.get(field + STATE))));
            }
        });
        branches.sort(Comparator.comparingInt(LoggedBranch::id));
        return branches;
    }

    /** HGETALL's flat list of field, value, field, value, ... */
    private static Map<String, String> pairs(Object flat) {
        List<?> list = (List<?>) flat;
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i + 1 < list.size(); i += 2) {
            map.put((String) list.get(i), (String) list.get(i + 1));
        }
        return map;
    }
}
