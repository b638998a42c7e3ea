package com.acme.http;

import okhttp3.Request;

/** Application code that sets Weft-Xid on its OkHttp request itself, to "mine"; Weft must leave it alone. */
public class SendWithOkHttpOwnXid extends SendWithOkHttp {
    @Override
    protected Request request(String url) {
        return new Request.Builder().url(url).header("Weft-Xid", "mine").build();
    }
}
