package com.acme.dbbank;

import com.acme.bank.Crash;

/**
 * Participant: puts money into an account. For some transfers (chosen by {@code -Dbank.failPercent} and the transfer
 * id) its try commits its work and then throws, like a service that fails after its database did its part.
 */
public class CreditService {
    private static final int FAIL_PERCENT = Integer.getInteger("bank.failPercent", 0);

    private final Books books;

    public CreditService(Books books) {
        this.books = books;
    }

    public void credit(String transferId, String account, long amount) {
        Crash.point("inTry"); // the branch is in TCC's log, its try has not touched the database
        books.inTransaction(c -> {
            Books.update(c, "UPDATE account SET incoming = incoming + ? WHERE id = ?", amount, account);
            Books.journal(c, transferId, "CREDIT_TRY");
        });
        if (Math.floorMod(transferId.hashCode() * 31 + 7, 100) < FAIL_PERCENT) {
            throw new IllegalStateException("credit of " + transferId + " failed after its commit");
        }
    }

    public void confirmCredit(String transferId, String account, long amount) {
        books.inTransaction(c -> {
            Books.update(c, "UPDATE account SET incoming = incoming - ?, balance = balance + ? WHERE id = ?", amount,
                    amount, account);
            Books.journal(c, transferId, "CREDIT_CONFIRM");
        });
    }

    public void cancelCredit(String transferId, String account, long amount) {
        books.inTransaction(c -> {
            Books.update(c, "UPDATE account SET incoming = incoming - ? WHERE id = ?", amount, account);
            Books.journal(c, transferId, "CREDIT_CANCEL");
        });
    }
}
