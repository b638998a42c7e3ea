package com.acme.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * {@code notify <endpoint> <order>}: notifies the merchant once, prints {@code RETURNED} (or {@code FAILED <error>}
 * when the failure reaches it). {@code loop <endpoint> <order> <pause ms>...}: the hand-written alternative, a retry
 * loop in memory, printing {@code DELIVERED} or {@code GAVE UP}. {@code idle}: prints {@code READY}, an instance with
 * nothing of its own to do. Each then waits for a line on stdin before it exits.
 */
public final class NotifyApp {
    private NotifyApp() {
    }

    public static void main(String[] args) throws Exception {
        MerchantClient client = new MerchantClient();
        switch (args[0]) {
            case "notify" -> {
                try {
                    client.notifyPaid(args[1], args[2], 100);
                    System.out.println("RETURNED");
                } catch (IOException e) {
                    System.out.println("FAILED " + e.getMessage());
                }
            }
            case "loop" -> System.out.println(loop(client, args) ? "DELIVERED" : "GAVE UP");
            default -> System.out.println("READY");
        }
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    private static boolean loop(MerchantClient client, String[] args) throws InterruptedException {
        for (int pause = 3; ; pause++) {
            try {
                client.notifyPaid(args[1], args[2], 100);
                return true;
            } catch (IOException e) {
                if (pause == args.length) {
                    return false;
                }
                Thread.sleep(Long.parseLong(args[pause]));
            }
        }
    }
}
