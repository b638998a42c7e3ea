package dev.weft.runtime.feature.http;

import dev.weft.runtime.config.WeftConfig;
import dev.weft.runtime.feature.Feature;
import dev.weft.runtime.feature.Shared;
import dev.weft.runtime.http.HttpPropagation;
import dev.weft.runtime.tcc.TransactionPropagation;
import dev.weft.runtime.weave.CallSiteRewrite;
import dev.weft.runtime.weave.WeaveRule;
import java.util.List;
import java.util.Optional;

/**
 * Global transactions carried on HTTP (docs/distributed-tcc.md, "Propagation over HTTP"): on only when the
 * transactions feature offers a propagation, that is with a shared log. It has no section of its own: it follows
 * {@code transactions:}.
 */
public final class HttpPropagationFeature implements Feature {
    @Override
    public String name() {
        return "HTTP propagation";
    }

    @Override
    public Optional<Running> open(WeftConfig config, Shared shared) {
        TransactionPropagation propagation = shared.find(TransactionPropagation.class)
                .orElse(TransactionPropagation.NONE);
        if (propagation == TransactionPropagation.NONE) {
            return Optional.empty();
        }
        HttpPropagation http = new HttpPropagation(propagation, config.transactions().position());
        shared.answerOutgoingRequests(http.outgoing());
        return Optional.of(new Running() {
            @Override
            public List<WeaveRule> rules() {
                return http.weaveRules();
            }

            @Override
            public List<CallSiteRewrite> callSites() {
                return http.callSites();
            }

            @Override
            public String describe() {
                return "HTTP propagation on";
            }
        });
    }
}
