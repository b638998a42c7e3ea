package dev.weft.runtime.xa;

import jakarta.transaction.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The XA transaction of one call of an {@code xa.global} method, on its thread. */
final class XaTransaction {
    final Transaction narayana;
    /** {@code System.nanoTime()} past which the method's normal return is a timeout. */
    final long deadline;
    final String method;
    /** Nested {@code xa.global} methods join the outermost one. */
    int depth = 1;
    private final Map<XaDatabase, Branch> branches = new LinkedHashMap<>();

    XaTransaction(Transaction narayana, long deadline, String method) {
        this.narayana = narayana;
        this.deadline = deadline;
        this.method = method;
    }

    Branch branch(XaDatabase database) {
        return branches.get(database);
    }

    void add(Branch branch) {
        branches.put(branch.database(), branch);
    }

    List<Branch> branches() {
        return new ArrayList<>(branches.values());
    }
}
