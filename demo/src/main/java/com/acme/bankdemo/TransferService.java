package com.acme.bankdemo;

/**
 * A transfer is a debit and a credit, both or neither. The application leaves the "both or neither" to a TCC
 * coordinator: it calls only the tries. Without one, nothing ever confirms or cancels them.
 */
public class TransferService {
    private final DebitService debits;
    private final CreditService credits;

    public TransferService(DebitService debits, CreditService credits) {
        this.debits = debits;
        this.credits = credits;
    }

    public void transfer(String transferId, String from, String to, long amount) {
        debits.debit(transferId, from, amount);
        credits.credit(transferId, to, amount);
    }
}
