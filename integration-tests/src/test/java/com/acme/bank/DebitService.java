package com.acme.bank;

/**
 * Participant: takes money out of an account. The try freezes it, confirm settles it, cancel releases it; each is
 * idempotent (a repeated or an early call changes nothing), as confirm and cancel are at least once.
 */
public class DebitService {
    private final Ledger ledger;

    /** What Weft uses after a restart when the application has not made one yet. */
    public DebitService() {
        this(Bank.ledger());
    }

    public DebitService(Ledger ledger) {
        this.ledger = ledger;
    }

    public void debit(String transferId, String account, long amount) {
        synchronized (ledger) {
            if (ledger.available(account) < amount) {
                throw new IllegalStateException("insufficient funds in " + account);
            }
            ledger.freeze(transferId, account, amount);
        }
        Crash.point("inTry");
    }

    public void confirmDebit(String transferId, String account, long amount) {
        Crash.point("afterDecision");
        ledger.settleFrozen(transferId);
        Crash.point("inConfirm");
    }

    public void cancelDebit(String transferId, String account, long amount) {
        Crash.point("inCancel");
        ledger.unfreeze(transferId);
    }
}
