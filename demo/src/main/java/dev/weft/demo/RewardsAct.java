package dev.weft.demo;

import com.acme.rewards.Books;
import com.acme.rewards.PointsApp;
import com.acme.rewards.PointsService;
import com.acme.rewards.ShopApp;
import com.acme.rewards.WalletApp;
import dev.weft.testkit.JavaProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A purchase across three services: the shop sells loyalty points, and for each purchase calls the wallet service
 * (debit) and the points service (credit) over HTTP; the points service refuses some, and the shop is killed with
 * kill -9 in the middle of its run. Without Weft nobody confirms or cancels the tries. With Weft (one YAML file per
 * service, the transaction log shared in Redis, the JDBC barrier) every purchase ends both ways or neither, each phase
 * once, and the purchase the shop had just committed when it died is finished by the two others. Ends with
 * {@code weft status} of the shop, taken between that commit and its death.
 */
final class RewardsAct implements Act {
    private static final List<Class<?>> SERVICES = List.of(WalletApp.class, PointsApp.class, ShopApp.class);
    private static final Map<Class<?>, String> CONFIGS = Map.of(WalletApp.class, "weft-wallet.yaml",
            PointsApp.class, "weft-points.yaml", ShopApp.class, "weft-shop.yaml");

    @Override
    public boolean run(Stage stage) throws IOException {
        DemoOptions options = stage.options();
        Script.title(String.format("Weft demo, three services: a shop sells loyalty points to %d members; each purchase is a"
                        + " debit at the wallet service (%d per member)%nand a credit at the points service, both over"
                        + " HTTP. The points service refuses member %s; the shop is killed -9 mid-run.%n",
                Books.MEMBERS, WalletApp.OPENING, PointsService.BLOCKED).stripTrailing());

        Script.withoutWeft(SERVICES);
        RewardsRound.Outcome plain = new RewardsRound(options, stage.work().resolve("rewards-round-1"))
                .run((main, jvm) -> jvm, shop -> { });
        report(plain);

        Map<Class<?>, Path> configs = new LinkedHashMap<>();
        Map<Class<?>, String> agents = new LinkedHashMap<>();
        for (Class<?> service : SERVICES) {
            configs.put(service, DemoMain.extract(CONFIGS.get(service), stage.work()));
            agents.put(service, Script.agent(options.agentJar(), configs.get(service)));
        }
        Script.withWeft(agents);
        AtomicReference<String> snapshot = new AtomicReference<>();
        RewardsRound.Outcome woven = new RewardsRound(options, stage.work().resolve("rewards-round-2"))
                .run((main, jvm) -> stage.attach(jvm, configs.get(main)),
                        shop -> snapshot.set(StatusSnapshot.take(options.agentJar(), shop.pid())));
        report(woven);

        System.out.println();
        System.out.println("java -jar " + options.agentJar() + " status <pid of shop>, taken right before its kill -9"
                + " (the services frozen):");
        System.out.print(snapshot.get());

        return Script.verdict(plain.consistent(), woven.consistent(),
                "with Weft every purchase should have been debited and credited, or neither, each phase once.",
                "Without Weft the books happened to add up this time; with Weft they always do.",
                "Same three services, same purchases, same kill -9; only -javaagent and one YAML file per service"
                        + " changed.");
    }

    private static void report(RewardsRound.Outcome outcome) {
        System.out.println("  shop: " + outcome.ok() + " purchases went through, " + outcome.refused().size()
                + " refused" + outcome.refused().stream().findFirst().map(line -> " (" + reason(line) + ")").orElse("")
                + ", " + outcome.neverMade() + " never made");
        System.out.println("  " + outcome.victim() + " in the books: wallet " + outcome.atWallet() + ", points "
                + outcome.atPoints());
        System.out.println("  wallet: members hold " + outcome.wallet().balances() + ", " + outcome.wallet().held()
                + " frozen; journal: " + journal(outcome.wallet(), "DEBIT"));
        System.out.println("  points: members hold " + outcome.points().balances() + " points, "
                + outcome.points().held() + " pending; journal: " + journal(outcome.points(), "CREDIT"));
        int repeated = outcome.wallet().repeated() + outcome.points().repeated();
        if (repeated > 0) {
            System.out.println("  " + repeated + " phases applied more than once");
        }
        String sum = "  money + points = " + outcome.total() + " of " + RewardsRound.MONEY;
        if (outcome.consistent()) {
            System.out.println(sum + ", nothing frozen or pending, each phase applied once: consistent");
            return;
        }
        System.out.println(sum + ": NOT consistent (" + outcome.wallet().held() + " frozen by debits nobody confirmed"
                + " or cancelled, " + outcome.points().held() + " points pending that nobody confirmed or cancelled)");
    }

    /** {@code REFUSED p4 m3 50: /credit answered 409: the loyalty card of m3 is blocked}: what came after the amount. */
    private static String reason(String refused) {
        return refused.substring(refused.indexOf(": ") + 2);
    }

    private static String journal(Books.Totals books, String prefix) {
        return RewardsRound.Outcome.count(books, prefix + "_TRY") + " tries, "
                + RewardsRound.Outcome.count(books, prefix + "_CONFIRM") + " confirms, "
                + RewardsRound.Outcome.count(books, prefix + "_CANCEL") + " cancels";
    }
}
