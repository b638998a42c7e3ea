package dev.weft.bench.lock;

import java.util.Locale;

/** Which key each worker thread locks; every implementation prefixes its own namespace, so none sees another's. */
public enum Keys {
    /** Every thread of every worker JVM: one key, the most contended case. */
    HOT {
        @Override
        public String forThread(int process, int thread) {
            return "hot";
        }
    },
    /** A key of its own per thread: locks never wait, and the cost is all round trips and bookkeeping. */
    DISTINCT {
        @Override
        public String forThread(int process, int thread) {
            return "key-" + process + "-" + thread;
        }
    };

    public abstract String forThread(int process, int thread);

    public String arg() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Keys parse(String arg) {
        return valueOf(arg.toUpperCase(Locale.ROOT));
    }
}
