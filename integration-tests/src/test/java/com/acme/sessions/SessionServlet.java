package com.acme.sessions;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A plain servlet keeping state in its {@link HttpSession}, as any application does; it knows nothing of Weft. Every
 * answer is text/plain; {@code none} when the request has no session.
 * <ul>
 *   <li>{@code /count}: increments {@code count} and answers it;</li>
 *   <li>{@code /cart?add=x}: adds to a list changed in place (no {@code setAttribute} after the first);
 *       {@code /cart}: answers it;</li>
 *   <li>{@code /put?name=&value=[&meet]}: sets a string attribute (without {@code value}: to null, which removes it);
 *       with {@code meet}, after the session was read,
 *       waits until a second such request has read it too, so that both run on one state of the session;</li>
 *   <li>{@code /increment?name=&meet}: read-modify-write of a counter, meeting the same way;</li>
 *   <li>{@code /get?name=}: answers an attribute, or 500 with the error;</li>
 *   <li>{@code /listed?text=}, {@code /unlisted?text=}: sets {@code object} to an application class;</li>
 *   <li>{@code /login?user=}: sets {@code user}, then changes the session id, and answers the new id;</li>
 *   <li>{@code /valid}: {@code isRequestedSessionIdValid()};</li>
 *   <li>{@code /expire?seconds=}: sets the max inactive interval;</li>
 *   <li>{@code /invalidate};</li>
 *   <li>{@code /bound?text=}: sets {@code bound} to a value that is told when it is bound and unbound;</li>
 *   <li>{@code /events?id=}: what the session listeners of this instance heard of that session
 *       ({@link EventRecorder}).</li>
 * </ul>
 */
public final class SessionServlet extends HttpServlet {
    private final CyclicBarrier meeting = new CyclicBarrier(2);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        String name = request.getParameter("name");
        String answer = switch (request.getPathInfo()) {
            case "/count" -> {
                HttpSession session = request.getSession();
                Integer count = (Integer) session.getAttribute("count");
                session.setAttribute("count", count == null ? 1 : count + 1);
                yield String.valueOf(session.getAttribute("count"));
            }
            case "/cart" -> cart(request);
            case "/put" -> {
                HttpSession session = request.getSession();
                meet(request);
                session.setAttribute(name, request.getParameter("value"));
                yield "ok";
            }
            case "/increment" -> {
                HttpSession session = request.getSession();
                Integer value = (Integer) session.getAttribute(name);
                meet(request);
                session.setAttribute(name, value == null ? 1 : value + 1);
                yield "ok";
            }
            case "/get" -> {
                HttpSession session = request.getSession(false);
                try {
                    yield session == null ? "none" : String.valueOf(session.getAttribute(name));
                } catch (RuntimeException e) {
                    response.setStatus(500);
                    yield e.getMessage();
                }
            }
            case "/listed" -> put(request, new Listed(request.getParameter("text")));
            case "/bound" -> {
                request.getSession().setAttribute("bound", new BoundValue(request.getParameter("text")));
                yield "ok";
            }
            case "/events" -> EventLog.of(request.getParameter("id"));
            case "/unlisted" -> put(request, new Unlisted(request.getParameter("text")));
            case "/login" -> {
                request.getSession().setAttribute("user", request.getParameter("user"));
                yield request.changeSessionId();
            }
            case "/valid" -> String.valueOf(request.isRequestedSessionIdValid());
            case "/expire" -> {
                request.getSession().setMaxInactiveInterval(Integer.parseInt(request.getParameter("seconds")));
                yield "ok";
            }
            case "/invalidate" -> {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                yield "ok";
            }
            default -> {
                response.setStatus(404);
                yield "no such page";
            }
        };
        response.getWriter().print(answer);
    }

    @SuppressWarnings("unchecked")
    private static String cart(HttpServletRequest request) {
        String add = request.getParameter("add");
        HttpSession session = request.getSession(add != null);
        if (session == null) {
            return "none";
        }
        List<String> cart = (List<String>) session.getAttribute("cart");
        if (add != null) {
            if (cart == null) {
                cart = new ArrayList<>();
                session.setAttribute("cart", cart);
            }
            cart.add(add); // changed in place: a session that writes only what was set would lose this
        }
        return String.valueOf(cart);
    }

    private static String put(HttpServletRequest request, Object value) {
        request.getSession().setAttribute("object", value);
        return "ok";
    }

    private void meet(HttpServletRequest request) {
        if (request.getParameter("meet") == null) {
            return;
        }
        try {
            meeting.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the second request did not come", e);
        }
    }
}
