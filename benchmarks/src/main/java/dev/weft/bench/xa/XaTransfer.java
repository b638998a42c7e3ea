package dev.weft.bench.xa;

/** The three ways the XA rows move money between two databases. */
public enum XaTransfer {
    /** Two local commits, one after the other: unsafe, the price of XA is measured against it. */
    TWO_COMMITS("two local commits (unsafe), HikariCP"),
    /** The same code under Weft's agent with the method in {@code xa.global}. */
    WEFT("Weft XA, the same code and pools"),
    /** Narayana wired by hand, an XA connection per caller and database: the floor. */
    HAND_WIRED("hand-wired Narayana XA");

    private final String label;

    XaTransfer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
