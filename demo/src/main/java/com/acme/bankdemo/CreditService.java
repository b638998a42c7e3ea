package com.acme.bankdemo;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Participant: puts money into an account. Try announces it as incoming, confirm adds it to the balance, cancel drops
 * it. Some tries fail at random ({@code -Dbank.failPercent}), like a receiving bank that is down: the try's own
 * transaction rolls back, and whoever coordinates the transfer has to give the debited money back.
 */
public class CreditService {
    private static final int FAIL_PERCENT = Integer.getInteger("bank.failPercent", 10);

    private final Ledger ledger;

    public CreditService(Ledger ledger) {
        this.ledger = ledger;
    }

    public void credit(String transferId, String account, long amount) {
        ledger.inTransaction(c -> {
            Ledger.update(c, "UPDATE account SET incoming = incoming + ? WHERE id = ?", amount, account);
            if (ThreadLocalRandom.current().nextInt(100) < FAIL_PERCENT) {
                throw new CreditFailedException(transferId);
            }
        });
    }

    public void confirmCredit(String transferId, String account, long amount) {
        ledger.inTransaction(c -> Ledger.update(c,
                "UPDATE account SET incoming = incoming - ?, balance = balance + ? WHERE id = ?", amount, amount, account));
    }

    public void cancelCredit(String transferId, String account, long amount) {
        ledger.inTransaction(c -> Ledger.update(c, "UPDATE account SET incoming = incoming - ? WHERE id = ?", amount,
                account));
    }

    /** The credit's try failed; its transaction rolled back. */
    public static final class CreditFailedException extends IllegalStateException {
        CreditFailedException(String transferId) {
            super("credit of " + transferId + " failed: the receiving bank is down");
        }
    }
}
