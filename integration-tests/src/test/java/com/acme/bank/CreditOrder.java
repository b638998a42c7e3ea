package com.acme.bank;

/** The credit side of a transfer; a record, so its arguments go to the log as JSON of its components. */
public record CreditOrder(String transferId, String account, long amount) {
}
