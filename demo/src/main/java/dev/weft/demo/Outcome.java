package dev.weft.demo;

import java.util.List;

/**
 * How one round ended.
 *
 * @param stock     units on the shelf at the start
 * @param soldByShop units each shop recorded as sold
 * @param stockLeft what the shared stock file says at the end
 * @param failedOrders orders that ended in an exception, over all shops
 */
record Outcome(int stock, List<Integer> soldByShop, int stockLeft, int failedOrders) {
    int sold() {
        return soldByShop.stream().mapToInt(Integer::intValue).sum();
    }

    /** Every unit is either sold once or still on the shelf: nothing sold twice, nothing lost. */
    boolean consistent() {
        return sold() <= stock && sold() + stockLeft == stock;
    }

    String summary() {
        if (sold() > stock) {
            return "sold " + sold() + " of " + stock + ": oversold by " + (sold() - stock);
        }
        String line = "sold " + sold() + " of " + stock + ", stock " + stockLeft;
        return consistent() ? line + ": no oversell" : line + ": the stock file lost track of " + (stock - sold() - stockLeft);
    }
}
