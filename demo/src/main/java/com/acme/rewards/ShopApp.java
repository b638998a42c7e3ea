package com.acme.rewards;

import com.acme.common.Coordinator;
import java.net.URI;
import java.time.Duration;
import java.util.Random;

/**
 * The shop: sells loyalty points to its members, one purchase after another, each a {@link CheckoutService#buyPoints}
 * against the wallet service and the points service. It has no database and no participant of its own.
 *
 * <p>Usage: {@code ShopApp <wallet url> <points url> <purchases> <seed>}. Prints {@code READY}, opens at the next line
 * (or end of input) on standard input, prints {@code OK <purchase>} or {@code REFUSED <purchase> <reason>} for each
 * (members and amounts drawn from {@code seed}, so that a run can be repeated), and {@code DONE ok=<n> refused=<n>}.
 */
public final class ShopApp {
    private ShopApp() {
    }

    public static void main(String[] args) throws Exception {
        CheckoutService checkout = new CheckoutService(URI.create(args[0]), URI.create(args[1]));
        int purchases = Integer.parseInt(args[2]);
        Random random = new Random(Long.parseLong(args[3]));
        Coordinator.awaitStarted(Duration.ofSeconds(30));
        System.out.println("READY");
        PausePoint.readLine();

        int ok = 0;
        for (int i = 1; i <= purchases; i++) {
            String purchase = "p" + i;
            String member = Books.member(random.nextInt(Books.MEMBERS));
            long amount = 10L * (1 + random.nextInt(10));
            try {
                checkout.buyPoints(purchase, member, amount);
                ok++;
                System.out.println("OK " + purchase + " " + member + " " + amount);
            } catch (RuntimeException e) {
                System.out.println("REFUSED " + purchase + " " + member + " " + amount + ": " + e.getMessage());
            }
            PausePoint.reach("returned", purchase);
        }
        System.out.println("DONE ok=" + ok + " refused=" + (purchases - ok));
    }
}
