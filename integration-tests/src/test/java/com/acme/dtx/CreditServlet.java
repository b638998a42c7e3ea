package com.acme.dtx;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST /credit} with a form {@code transfer, account, amount}: calls {@link CreditService#credit}; 200 when it
 * returned, 409 with the reason when it threw. No Weft API, no header handling: with the agent, Weft binds the
 * transaction named in the request's headers around {@code HttpServlet.service}.
 */
public class CreditServlet extends HttpServlet {
    private final transient CreditService credits;

    public CreditServlet(CreditService credits) {
        this.credits = credits;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> form = Forms.decode(new String(request.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
        try {
            credits.credit(form.get("transfer"), form.get("account"), Long.parseLong(form.get("amount")));
            response.setStatus(200);
            response.getWriter().write("credited");
        } catch (RuntimeException e) {
            response.setStatus(409);
            response.getWriter().write(e.getClass().getName() + ": " + e.getMessage());
        }
    }
}
