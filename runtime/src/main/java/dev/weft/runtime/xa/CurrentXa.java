package dev.weft.runtime.xa;

/**
 * The XA transaction of the current thread, and how deep the thread is in opening connections (a pool's
 * {@code getConnection} that calls its driver's {@code connect}, or Weft opening its own XA connection): only the
 * application's outermost opening is replaced by an enlisted connection.
 */
public final class CurrentXa {
    private static final ThreadLocal<XaTransaction> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<int[]> OPENING = ThreadLocal.withInitial(() -> new int[1]);

    private CurrentXa() {
    }

    /** Whether the current thread runs inside an {@code xa.global} method (TCC refuses to nest in one). */
    public static boolean active() {
        return CURRENT.get() != null;
    }

    static XaTransaction get() {
        return CURRENT.get();
    }

    static void bind(XaTransaction transaction) {
        CURRENT.set(transaction);
    }

    static void unbind() {
        CURRENT.remove();
    }

    /** @return the depth before this opening: 0 for an outermost one */
    static int enterOpening() {
        return OPENING.get()[0]++;
    }

    static void exitOpening() {
        OPENING.get()[0]--;
    }
}
