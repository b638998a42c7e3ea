package com.acme.rewards;

/** The points service's {@code POST /credit}: {@link PointsService#credit}, one point per unit of money. */
final class CreditHandler extends PurchaseHandler {
    private final PointsService points;

    CreditHandler(PointsService points) {
        this.points = points;
    }

    @Override
    void apply(String purchase, String member, long amount) {
        points.credit(purchase, member, amount);
    }
}
