package dev.weft.runtime.tcc;

/** A participant of another service, for shared-log tests: calls go to {@link Accounts#JOURNAL} too. */
public class Warehouse {
    /** Lets a test hold a try or a confirm in its body, to decide while it runs or to race two instances. */
    static volatile Runnable pause = () -> {
    };

    public void reserve(String sku, int count) {
        pause.run();
        Accounts.JOURNAL.add("reserve " + sku + " " + count);
    }

    public void confirmReserve(String sku, int count) {
        pause.run();
        Accounts.JOURNAL.add("confirmReserve " + sku + " " + count);
    }

    public void cancelReserve(String sku, int count) {
        Accounts.JOURNAL.add("cancelReserve " + sku + " " + count);
    }
}
