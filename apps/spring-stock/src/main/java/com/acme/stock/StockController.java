package com.acme.stock;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class StockController {
    private final StockService stock;
    private final OrderService orders;
    private final Sales sales;

    public StockController(StockService stock, OrderService orders, Sales sales) {
        this.stock = stock;
        this.orders = orders;
        this.sales = sales;
    }

    @PostMapping("/stock/{id}/decrement")
    public String decrement(@PathVariable("id") long id) {
        return Long.toString(stock.decrement(id));
    }

    @PutMapping("/stock/{id}")
    public void restock(@PathVariable("id") long id, @RequestParam("quantity") long quantity) {
        stock.restock(id, quantity);
    }

    @PostMapping("/orders/{id}")
    public String place(@PathVariable("id") long id,
                        @RequestParam(name = "refused", defaultValue = "false") boolean refused) {
        orders.place(id, refused);
        return "placed";
    }

    @PostMapping("/sales/{id}")
    public String sell(@PathVariable("id") long id, @RequestParam("stock") long stockId,
                       @RequestParam("quantity") long quantity) {
        sales.sell(new Sale(id, stockId, quantity));
        return "sold";
    }

    @ExceptionHandler({OrderService.OrderRefusedException.class, Sales.OutOfStockException.class})
    public ResponseEntity<String> refused(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(e.getMessage());
    }
}
