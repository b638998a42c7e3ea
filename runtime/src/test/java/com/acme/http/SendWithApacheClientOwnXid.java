package com.acme.http;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpRequest;

/** Application code that sets Weft-Xid on its Apache HttpClient request itself, to "mine"; Weft must leave it alone. */
public class SendWithApacheClientOwnXid extends SendWithApacheClient {
    @Override
    protected ClassicHttpRequest request(String url) {
        HttpGet request = new HttpGet(url);
        request.setHeader("Weft-Xid", "mine");
        return request;
    }
}
