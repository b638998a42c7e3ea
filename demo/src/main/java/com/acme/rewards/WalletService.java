package com.acme.rewards;

/**
 * The wallet service's participant: takes a member's money for a purchase. Try freezes it, confirm spends it, cancel
 * unfreezes it. Plain JDBC, no Weft API; with the agent, {@code weft-wallet.yaml} makes it a TCC participant.
 */
public class WalletService {
    private final Books books;

    public WalletService(Books books) {
        this.books = books;
    }

    public void debit(String purchase, String member, long amount) {
        books.inTransaction(purchase, "DEBIT_TRY", c -> {
            if (Books.update(c, "UPDATE account SET balance = balance - ?, held = held + ? WHERE member = ?"
                    + " AND balance >= ?", amount, amount, member, amount) == 0) {
                throw new IllegalStateException("insufficient funds in the wallet of " + member);
            }
        });
    }

    public void confirmDebit(String purchase, String member, long amount) {
        books.inTransaction(purchase, "DEBIT_CONFIRM", c -> Books.update(c,
                "UPDATE account SET held = held - ? WHERE member = ?", amount, member));
    }

    public void cancelDebit(String purchase, String member, long amount) {
        books.inTransaction(purchase, "DEBIT_CANCEL", c -> Books.update(c,
                "UPDATE account SET held = held - ?, balance = balance + ? WHERE member = ?", amount, amount, member));
    }
}
