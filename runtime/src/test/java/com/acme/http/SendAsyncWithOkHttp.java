package com.acme.http;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/** Application code that calls another service with OkHttp's {@code Call.enqueue} and waits for the body. */
public class SendAsyncWithOkHttp extends SendWithOkHttp {
    @Override
    public String apply(String url) {
        CompletableFuture<String> body = new CompletableFuture<>();
        client.newCall(request(url)).enqueue(new Callback() {
            @Override
            public void onResponse(Call call, Response response) throws IOException {
                try (response) {
                    body.complete(response.body().string());
                }
            }

            @Override
            public void onFailure(Call call, IOException e) {
                body.completeExceptionally(e);
            }
        });
        return body.join();
    }
}
