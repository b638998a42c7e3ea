package dev.weft.runtime.session;

import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.weave.ClassFileScan;
import dev.weft.runtime.weave.LibraryHookRule;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.TypeShape;
import dev.weft.runtime.weave.WeaveRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the application's session listeners, in both flavours: a class that implements {@code HttpSessionListener},
 * {@code HttpSessionAttributeListener} or {@code HttpSessionIdListener} (maybe through a superclass) and declares one
 * of their methods has its constructors woven, so every listener the container (or the application) makes is handed
 * to {@link SessionListeners}. The listener methods themselves are only observed, by a site that does nothing.
 */
final class ListenerWeaveRule extends LibraryHookRule {
    /** Observing advice skips the exit when enter answers null: a listener call costs a bridge call. */
    private static final Site NOTHING = new Site() {
        @Override
        public Object enter(Class<?> declaringType, Object self, Object[] arguments) {
            return null;
        }

        @Override
        public void exit(Object scope, Throwable thrown) {
        }
    };

    /** {@code javax.servlet.}: the API's own interfaces are not listeners; their default methods are left alone. */
    private final String apiPrefix;
    private final ListenerSite instances;

    /** @param descriptor the listener method's: any class declaring one holds it in its constant pool */
    private ListenerWeaveRule(String api, String selector, String descriptor, SourcePosition position,
                              ListenerSite instances) {
        super(selector, position, ClassFileScan.ascii(descriptor), NOTHING);
        this.apiPrefix = api + ".";
        this.instances = instances;
    }

    static List<WeaveRule> all(SessionListeners listeners, SourcePosition position) {
        ListenerSite instances = new ListenerSite(listeners);
        List<WeaveRule> rules = new ArrayList<>();
        for (String api : List.of("javax.servlet", "jakarta.servlet")) {
            String http = api + ".http.";
            String event = "L" + http.replace('.', '/') + "HttpSessionEvent;";
            String bindingEvent = "L" + http.replace('.', '/') + "HttpSessionBindingEvent;";
            rules.add(new ListenerWeaveRule(api, "+" + http + "HttpSessionListener#session*(" + http
                    + "HttpSessionEvent)", "(" + event + ")V", position, instances));
            rules.add(new ListenerWeaveRule(api, "+" + http + "HttpSessionAttributeListener#attribute*(" + http
                    + "HttpSessionBindingEvent)", "(" + bindingEvent + ")V", position, instances));
            rules.add(new ListenerWeaveRule(api, "+" + http + "HttpSessionIdListener#sessionIdChanged(" + http
                    + "HttpSessionEvent, String)", "(" + event + "Ljava/lang/String;)V", position, instances));
        }
        return rules;
    }

    @Override
    public boolean mayMatchTypeName(String binaryName) {
        return !binaryName.startsWith(apiPrefix);
    }

    @Override
    public Optional<Site> instanceSite(TypeShape type) {
        return Optional.of(instances);
    }

    @Override
    public boolean observesOnly() {
        return true;
    }
}
