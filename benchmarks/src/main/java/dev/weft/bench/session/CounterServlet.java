package dev.weft.bench.session;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The benchmark's whole application logic: reads the counter attribute of the request's session, increments it, sets
 * it back and answers it, so a request reads and writes one attribute. It knows nothing of Weft. The Spring Boot peer
 * (benchmarks/peers/spring-session) registers a copy of it.
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
