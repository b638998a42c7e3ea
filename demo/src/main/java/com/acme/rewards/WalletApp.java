package com.acme.rewards;

/**
 * The wallet service: the members' money, {@value #OPENING} each at the start, in its own database; {@code POST /debit}
 * for the shop. Usage: {@code WalletApp <jdbc url> <port>} (0: any free port); see {@link Service} for how it runs.
 */
public final class WalletApp {
    public static final long OPENING = 1000;

    private WalletApp() {
    }

    public static void main(String[] args) throws Exception {
        Books books = new Books(args[0]);
        books.open(OPENING);
        Service.serve(Integer.parseInt(args[1]), "/debit", new DebitHandler(new WalletService(books)));
    }
}
