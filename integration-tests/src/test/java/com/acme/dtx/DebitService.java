package com.acme.dtx;

/**
 * The payer service's participant: takes money out of one of its accounts. Try freezes it, confirm lets it go, cancel
 * gives it back. Plain JDBC, no Weft API; with the agent, Weft makes it a TCC participant (the payer's weft.yaml).
 */
public class DebitService {
    private final Ledger ledger;

    public DebitService(Ledger ledger) {
        this.ledger = ledger;
    }

    public void debit(String transfer, String account, long amount) {
        ledger.inTransaction(c -> {
            if (Ledger.update(c, "UPDATE account SET balance = balance - ?, held = held + ? WHERE id = ?"
                    + " AND balance >= ?", amount, amount, account, amount) == 0) {
                throw new IllegalStateException("insufficient funds in " + account);
            }
            Ledger.journal(c, transfer, "DEBIT_TRY");
        });
    }

    public void confirmDebit(String transfer, String account, long amount) {
        ledger.inTransaction(c -> {
            Ledger.update(c, "UPDATE account SET held = held - ? WHERE id = ?", amount, account);
            Ledger.journal(c, transfer, "DEBIT_CONFIRM");
        });
        Points.reach("inConfirm", transfer); // committed, and the transaction log does not know yet
    }

    public void cancelDebit(String transfer, String account, long amount) {
        ledger.inTransaction(c -> {
            Ledger.update(c, "UPDATE account SET held = held - ?, balance = balance + ? WHERE id = ?", amount, amount,
                    account);
            Ledger.journal(c, transfer, "DEBIT_CANCEL");
        });
        Points.reach("inCancel", transfer);
    }
}
