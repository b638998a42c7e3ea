package dev.weft.runtime;

import dev.weft.runtime.config.ConfigProblem;
import dev.weft.runtime.config.LockMode;
import dev.weft.runtime.config.LockRule;
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
        for (LockRule rule : config.locks()) {
            if (rule.mode() == LockMode.REDLOCK) {
                problems.add(new ConfigProblem(rule.modePosition(),
                        "mode: redlock is not available in this version of Weft yet; use mode: single"));
            }
        }
        TransactionSettings tx = config.transactions();
        if (tx.position() != null && (!tx.global().isEmpty() || !tx.participants().isEmpty())) {
            problems.add(new ConfigProblem(tx.position(),
                    "TCC transactions are not available in this version of Weft yet; remove the transactions"
                            + " section"));
        }
        return problems;
    }
}
