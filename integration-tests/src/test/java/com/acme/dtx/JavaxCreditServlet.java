package com.acme.dtx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@link CreditServlet} for a {@code javax.servlet} container: {@code POST /credit}, {@link CreditService#serve}. With
 * the agent, Weft binds the transaction around {@code javax.servlet.http.HttpServlet.service}.
 */
public class JavaxCreditServlet extends HttpServlet {
    private final transient CreditService credits;

    public JavaxCreditServlet(CreditService credits) {
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
