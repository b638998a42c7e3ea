package com.acme.springsession;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Reads the counter attribute of the request's session, increments it, sets it back and answers it: one attribute
 * read and written a request. A copy of dev.weft.bench.session.CounterServlet (this module shares no code with the
 * harness).
 */
public final class CounterServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession();
        Integer count = (Integer) session.getAttribute("count");
        int next = count == null ? 1 : count + 1;
        session.setAttribute("count", next);
        response.setContentType("text/plain");
        response.getWriter().print(next);
    }
}
