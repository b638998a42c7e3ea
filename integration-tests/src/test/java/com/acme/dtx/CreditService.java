package com.acme.dtx;

import java.util.Map;

/**
 * The payee service's participant: puts money into one of its accounts. Try announces it as incoming, confirm moves it
 * into the balance, cancel takes the announcement back. For some transfers (chosen by {@code -Ddtx.refusePercent} and
 * the transfer's id) the try commits its work and then throws, like a service that fails after its database did its
 * part. Plain JDBC, no Weft API.
 */
public class CreditService {
    private static final int REFUSE_PERCENT = Integer.getInteger("dtx.refusePercent", 0);

    private final Ledger ledger;

    public CreditService(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Whether the payee refuses this transfer (the test predicts the outcome with it, too). */
    public static boolean refuses(String transfer, int percent) {
        return Math.floorMod(transfer.hashCode() * 31 + 7, 100) < percent;
    }

    /** What {@code POST /credit} answers, whichever servlet API serves it. */
    record Answer(int status, String body) {
    }

    /**
     * Serves {@code POST /credit} with a form {@code transfer, account, amount}: calls {@link #credit}; 200 when it
     * returned, 409 with the reason when it threw.
     */
    Answer serve(String form) {
        Map<String, String> fields = Forms.decode(form);
        try {
            credit(fields.get("transfer"), fields.get("account"), Long.parseLong(fields.get("amount")));
            return new Answer(200, "credited");
        } catch (RuntimeException e) {
            return new Answer(409, e.getClass().getName() + ": " + e.getMessage());
        }
    }

    public void credit(String transfer, String account, long amount) {
        ledger.inTransaction(c -> {
            Ledger.update(c, "UPDATE account SET held = held + ? WHERE id = ?", amount, account);
            Ledger.journal(c, transfer, "CREDIT_TRY");
        });
        if (refuses(transfer, REFUSE_PERCENT)) {
            throw new IllegalStateException("credit of " + transfer + " refused after its commit");
        }
    }

    public void confirmCredit(String transfer, String account, long amount) {
        ledger.inTransaction(c -> {
            Ledger.update(c, "UPDATE account SET held = held - ?, balance = balance + ? WHERE id = ?", amount, amount,
                    account);
            Ledger.journal(c, transfer, "CREDIT_CONFIRM");
        });
        Points.reach("inConfirm", transfer); // committed, and the transaction log does not know yet
    }

    public void cancelCredit(String transfer, String account, long amount) {
        ledger.inTransaction(c -> {
            Ledger.update(c, "UPDATE account SET held = held - ? WHERE id = ?", amount, account);
            Ledger.journal(c, transfer, "CREDIT_CANCEL");
        });
        Points.reach("inCancel", transfer);
    }
}
