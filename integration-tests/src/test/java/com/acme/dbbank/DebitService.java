package com.acme.dbbank;

import com.acme.bank.Crash;

/** Participant: takes money out of an account. Try freezes it, confirm lets it go, cancel gives it back. */
public class DebitService {
    private final Books books;

    public DebitService(Books books) {
        this.books = books;
    }

    public void debit(String transferId, String account, long amount) {
        books.inTransaction(c -> {
            if (Books.update(c, "UPDATE account SET balance = balance - ?, frozen = frozen + ? WHERE id = ?"
                    + " AND balance >= ?", amount, amount, account, amount) == 0) {
                throw new IllegalStateException("insufficient funds in " + account);
            }
            Books.journal(c, transferId, "DEBIT_TRY");
        });
    }

    public void confirmDebit(String transferId, String account, long amount) {
        Crash.point("afterDecision");
        books.inTransaction(c -> {
            Books.update(c, "UPDATE account SET frozen = frozen - ? WHERE id = ?", amount, account);
            Books.journal(c, transferId, "DEBIT_CONFIRM");
        });
        Crash.point("inConfirm"); // committed, and TCC's log does not know yet
    }

    public void cancelDebit(String transferId, String account, long amount) {
        books.inTransaction(c -> {
            Books.update(c, "UPDATE account SET frozen = frozen - ?, balance = balance + ? WHERE id = ?", amount,
                    amount, account);
            Books.journal(c, transferId, "DEBIT_CANCEL");
        });
        Crash.point("inCancel"); // committed, and TCC's log does not know yet
    }
}
