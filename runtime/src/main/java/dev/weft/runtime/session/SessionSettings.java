package dev.weft.runtime.session;

import dev.weft.runtime.config.SourcePosition;
import java.time.Duration;
import java.util.List;

/**
 * {@code sessions:} as read (docs/sessions.md).
 *
 * @param timeout    the max inactive interval of new sessions; null: the container's session timeout
 * @param serializer {@code java} or {@code json}
 * @param allow      class name patterns ({@code *} matches any run of characters) the java serializer reads back
 */
public record SessionSettings(boolean enabled, String cookie, Duration timeout, String serializer,
                              List<String> allow, SourcePosition position) {
    public static SessionSettings off() {
        return new SessionSettings(false, "JSESSIONID", null, "java", List.of(), null);
    }
}
