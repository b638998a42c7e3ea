package dev.weft.runtime.jmx;

import dev.weft.runtime.redis.RedisTopology;
import java.util.Optional;

/** Where the agent's Redis is, for {@code dev.weft:type=Agent} and {@code weft status}. */
public interface RedisView {
    /** For JVMs registered without one (tests of the other beans). */
    RedisView NONE = new RedisView() {
        @Override
        public Optional<RedisTopology> topology() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "not described";
        }
    };

    /** The deployment as Redis describes it now; empty when it cannot be reached. */
    Optional<RedisTopology> topology();

    /** One line: {@link RedisTopology#describe()}, or why Redis could not be asked. */
    String describe();
}
