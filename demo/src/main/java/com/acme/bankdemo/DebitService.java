package com.acme.bankdemo;

/** Participant: takes money out of an account. Try freezes it, confirm lets it go, cancel gives it back. */
public class DebitService {
    private final Ledger ledger;

    public DebitService(Ledger ledger) {
        this.ledger = ledger;
    }

    public void debit(String transferId, String account, long amount) {
        ledger.inTransaction(c -> {
            if (Ledger.update(c, "UPDATE account SET balance = balance - ?, frozen = frozen + ? WHERE id = ?"
                    + " AND balance >= ?", amount, amount, account, amount) == 0) {
                throw new InsufficientFundsException(account);
            }
        });
    }

    public void confirmDebit(String transferId, String account, long amount) {
        ledger.inTransaction(c -> Ledger.update(c, "UPDATE account SET frozen = frozen - ? WHERE id = ?", amount, account));
    }

    public void cancelDebit(String transferId, String account, long amount) {
        ledger.inTransaction(c -> Ledger.update(c,
                "UPDATE account SET frozen = frozen - ?, balance = balance + ? WHERE id = ?", amount, amount, account));
    }

    /** The debit's try refused: there is not enough money to freeze. */
    public static final class InsufficientFundsException extends IllegalStateException {
        InsufficientFundsException(String account) {
            super("insufficient funds in " + account);
        }
    }
}
