package dev.weft.runtime;

import dev.weft.runtime.config.ConfigProblem;
import dev.weft.runtime.config.TransactionSettings;
import dev.weft.runtime.config.WeftConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Parts of the contract this build cannot honour yet. A config that asks for them is refused like any other config
 * error: silently running such a method without the promised protection would be worse than not starting.
 */
public final class Capabilities {
    private Capabilities() {
    }

    public static List<ConfigProblem> unsupported(WeftConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        TransactionSettings tx = config.transactions();
        if (TransactionSettings.LOG_JDBC.equals(tx.logType())) {
            problems.add(new ConfigProblem(tx.position(), "transactions.log.type: " + tx.logType()
                    + " is not available in this version of Weft yet; use type: file or type: redis"));
        }
        return problems;
    }
}
