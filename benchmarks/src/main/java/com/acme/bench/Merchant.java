package com.acme.bench;

/** The notification method named in the notification row's weft.yaml: a receiver that always takes the call. */
public class Merchant {
    /** Takes the call at once: what is measured is what recording and forgetting it costs. */
    public void notifyPaid(long order) {
    }
}
