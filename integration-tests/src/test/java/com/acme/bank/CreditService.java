package com.acme.bank;

/**
 * Participant: puts money into an account. It has no no-argument constructor, so after a restart Weft must use an
 * instance the application made (tracked as its constructor returned). Its try fails for some transfers, chosen by
 * {@code -Dbank.failPercent} and the transfer id, like a remote service refusing.
 */
public class CreditService {
    private static final int FAIL_PERCENT = Integer.getInteger("bank.failPercent", 0);

    private final Ledger ledger;

    public CreditService(Ledger ledger) {
        this.ledger = ledger;
    }

    public void credit(CreditOrder order) {
        if (Math.floorMod(order.transferId().hashCode() * 31 + 7, 100) < FAIL_PERCENT) {
            throw new IllegalStateException("credit refused for " + order.transferId());
        }
        ledger.announce(order.transferId(), order.account(), order.amount());
    }

    public void confirmCredit(CreditOrder order) {
        ledger.settleIncoming(order.transferId());
    }

    public void cancelCredit(CreditOrder order) {
        ledger.dropIncoming(order.transferId());
    }
}
