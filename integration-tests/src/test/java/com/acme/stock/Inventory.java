package com.acme.stock;

import org.springframework.transaction.annotation.Transactional;

/** {@code @Transactional} on an interface: Spring puts a JDK dynamic proxy in front of its implementation. */
public interface Inventory {
    @Transactional
    void decrement(long id);
}
