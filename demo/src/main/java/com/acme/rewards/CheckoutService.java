package com.acme.rewards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The shop's side of a purchase of loyalty points: the wallet service debits the member's money, the points service
 * credits as many points. The shop calls only the two tries, over HTTP, and throws when either service refuses; it
 * leaves "both or neither" to a TCC coordinator, which {@code weft-shop.yaml} makes of {@link #buyPoints}. No Weft
 * API and no header handling: with the agent, Weft adds the transaction to both requests.
 */
public class CheckoutService {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI wallet;
    private final URI points;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public CheckoutService(URI wallet, URI points) {
        this.wallet = wallet;
        this.points = points;
    }

    public void buyPoints(String purchase, String member, long amount) {
        post(wallet.resolve("/debit"), purchase, member, amount);
        post(points.resolve("/credit"), purchase, member, amount);
        PausePoint.reach("before-return", purchase);
    }

    private void post(URI uri, String purchase, String member, long amount) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Forms.purchase(purchase, member, amount)))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(uri + " unreachable for " + purchase, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + purchase, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(uri.getPath() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
