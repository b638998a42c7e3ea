package com.acme.rewards;

/** The wallet's {@code POST /debit}: {@link WalletService#debit}. */
final class DebitHandler extends PurchaseHandler {
    private final WalletService wallet;

    DebitHandler(WalletService wallet) {
        this.wallet = wallet;
    }

    @Override
    void apply(String purchase, String member, long amount) {
        wallet.debit(purchase, member, amount);
    }
}
