package dev.weft.runtime.session;

import java.util.ArrayList;
import java.util.List;

/** The session cookie: read from {@code Cookie} headers, written as a {@code Set-Cookie} header. */
final class SessionCookie {
    private SessionCookie() {
    }

    /** Every value of cookie {@code name} in these {@code Cookie} headers, in order (a browser may send several). */
    static List<String> values(List<String> headers, String name) {
        List<String> values = new ArrayList<>();
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
                    String value = pair.substring(equals + 1).trim();
                    values.add(value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                            ? value.substring(1, value.length() - 1) : value);
                }
            }
        }
        return values;
    }

    /** {@code HttpOnly} always, {@code Secure} on a secure request, {@code SameSite=Lax}; a session cookie (no expiry). */
    static String header(String name, String id, String contextPath, boolean secure) {
        String path = contextPath == null || contextPath.isEmpty() ? "/" : contextPath;
        return name + "=" + id + "; Path=" + path + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
