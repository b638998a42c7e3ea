package com.acme.servletshop;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code POST /stock?sku=}: takes one unit. */
public class StockServlet extends HttpServlet {
    private final transient Stock stock;

    public StockServlet(Stock stock) {
        this.stock = stock;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {
        stock.take(request.getParameter("sku"));
    }
}
