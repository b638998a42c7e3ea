package dev.weft.runtime.session;

import dev.weft.runtime.config.ConfigSection;
import dev.weft.runtime.config.SectionReader;
import java.time.Duration;
import java.util.List;

/** Reads {@code sessions:} (docs/sessions.md). */
public final class SessionsSection implements ConfigSection<SessionSettings> {
    /** A cookie name is an RFC 6265 token; anything else could not be read back. */
    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";

    @Override
    public String key() {
        return "sessions";
    }

    @Override
    public List<String> keys() {
        return List.of("enabled", "cookie", "timeout", "serializer", "allow");
    }

    @Override
    public SessionSettings defaults() {
        return SessionSettings.off();
    }

    @Override
    public SessionSettings read(SectionReader section) {
        SessionSettings off = defaults();
        boolean enabled = section.optional("enabled", Boolean.TRUE, SectionReader.bool());
        String cookie = section.optional("cookie", off.cookie(), SectionReader.text());
        if (!cookie.matches(TOKEN)) {
            section.problem(section.valuePosition("cookie"), "cookie: '" + cookie + "' is not a cookie name;"
                    + " use letters, digits and -_.!#$%&'*+^`|~, e.g. cookie: JSESSIONID");
        }
        Duration timeout = section.optional("timeout", null, SectionReader.positiveDuration());
        String serializer = section.optional("serializer", off.serializer(),
                SectionReader.oneOf(List.of("java", "json")));
        List<String> allow = section.list("allow", SectionReader.text()).orElse(List.of());
        if (!allow.isEmpty() && serializer.equals("json")) {
            section.problem(section.valuePosition("allow"), "allow: is for serializer: java; serializer: json keeps"
                    + " only JSON values and reads back no classes; remove allow or use serializer: java");
        }
        return new SessionSettings(enabled, cookie, timeout, serializer, allow, section.position());
    }
}
