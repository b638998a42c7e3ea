package com.acme.dtx;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /credit} on a jakarta servlet container: {@link CreditService#serve}. No Weft API, no header handling:
 * with the agent, Weft binds the transaction named in the request's headers around {@code HttpServlet.service}.
 */
public class CreditServlet extends HttpServlet {
    private final transient CreditService credits;

    public CreditServlet(CreditService credits) {
        this.credits = credits;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CreditService.Answer answer = credits.serve(new String(request.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
        response.setStatus(answer.status());
        response.getWriter().write(answer.body());
    }
}
