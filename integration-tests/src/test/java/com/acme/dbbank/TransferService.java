package com.acme.dbbank;

import com.acme.bank.Crash;

/** The global method: a transfer is a debit and a credit, both or neither. */
public class TransferService {
    private final DebitService debits;
    private final CreditService credits;

    public TransferService(DebitService debits, CreditService credits) {
        this.debits = debits;
        this.credits = credits;
    }

    public void transfer(String transferId, String from, String to, long amount) {
        debits.debit(transferId, from, amount);
        Crash.point("afterTry");
        credits.credit(transferId, to, amount);
    }
}
