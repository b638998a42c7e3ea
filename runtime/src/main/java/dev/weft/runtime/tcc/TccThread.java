package dev.weft.runtime.tcc;

/** Whether the current thread runs inside a TCC global transaction, for features that must not nest in one (XA). */
public final class TccThread {
    private TccThread() {
    }

    public static boolean active() {
        return CurrentTransaction.get() != null;
    }
}
