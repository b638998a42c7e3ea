package com.acme.notify;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** Tells a merchant that an order was paid, with a plain JDK HTTP call; a refusal is an {@link IOException}. */
public class MerchantClient {
    public void notifyPaid(String endpoint, String order, long amount) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(endpoint).openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Caller-Pid", Long.toString(ProcessHandle.current().pid()));
        try (OutputStream body = connection.getOutputStream()) {
            body.write(("{\"order\":\"" + order + "\",\"amount\":" + amount + "}").getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        connection.disconnect();
        if (status != 200) {
            throw new IOException("the merchant answered " + status + " for " + order);
        }
    }
}
