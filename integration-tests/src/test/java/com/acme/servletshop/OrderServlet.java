package com.acme.servletshop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code POST /orders?id=[&refused=true]}: 200 when placed, 409 when refused. */
public class OrderServlet extends HttpServlet {
    private final transient OrderDesk desk;

    public OrderServlet(OrderDesk desk) {
        this.desk = desk;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        try {
            desk.place(request.getParameter("id"), Boolean.parseBoolean(request.getParameter("refused")));
        } catch (IllegalStateException refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
    }
}
