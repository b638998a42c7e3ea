package dev.weft.runtime.session;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.weave.ClassFileScan;
import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.WeaveRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The servlet API's methods woven for sessions, in both flavours: where a request is served (a {@link ServingSite})
 * and the request's session methods (a {@link RequestSite} each). Found by name in whatever container loads them.
 */
final class SessionWeaveRule implements WeaveRule {
    private final MethodSelector selector;
    /** An exact entry of the constant pool (a class name, a descriptor) that every candidate class file holds. */
    private final byte[] classFileMark;
    private final SourcePosition position;
    private final Site site;
    private final boolean serving;

    private SessionWeaveRule(String selector, String classFileMark, SourcePosition position, Site site,
                             boolean serving) {
        this.selector = MethodSelector.parse(selector);
        this.classFileMark = ClassFileScan.ascii(classFileMark);
        this.position = position;
        this.site = site;
        this.serving = serving;
    }

    static List<WeaveRule> all(Sessions sessions) {
        List<WeaveRule> rules = new ArrayList<>();
        for (String api : List.of("javax.servlet", "jakarta.servlet")) {
            String internal = api.replace('.', '/');
            ServletApis apis = new ServletApis(api);
            SourcePosition position = sessions.settings().position();
            ServingSite serving = new ServingSite(sessions, apis);
            String exchange = "(" + api + ".ServletRequest, " + api + ".ServletResponse)";
            rules.add(new SessionWeaveRule(api + ".http.HttpServlet#service" + exchange, internal + "/http/HttpServlet",
                    position, serving, true));
            rules.add(new SessionWeaveRule("+" + api + ".FilterChain#doFilter" + exchange, internal + "/FilterChain",
                    position, serving, true));
            String request = "+" + api + ".http.HttpServletRequest#";
            // The descriptors of getSession() and getSession(boolean): any class declaring them holds them in its pool
            String session = "L" + internal + "/http/HttpSession;";
            String declaresGetSession = "(Z)" + session;
            rules.add(new SessionWeaveRule(request + "getSession()", "()" + session, position,
                    new RequestSite(RequestSite.Method.GET_SESSION, apis), false));
            rules.add(new SessionWeaveRule(request + "getSession(boolean)", declaresGetSession, position,
                    new RequestSite(RequestSite.Method.GET_SESSION_CREATE, apis), false));
            rules.add(new SessionWeaveRule(request + "changeSessionId()", declaresGetSession, position,
                    new RequestSite(RequestSite.Method.CHANGE_SESSION_ID, apis), false));
            rules.add(new SessionWeaveRule(request + "isRequestedSessionIdValid()", declaresGetSession, position,
                    new RequestSite(RequestSite.Method.REQUESTED_SESSION_ID_VALID, apis), false));
        }
        return rules;
    }

    @Override
    public boolean mayMatchClassFile(byte[] classFile) {
        return ClassFileScan.contains(classFile, classFileMark);
    }

    @Override
    public MethodSelector selector() {
        return selector;
    }

    @Override
    public SourcePosition position() {
        return position;
    }

    @Override
    public Optional<String> problemWith(MethodShape method) {
        return Optional.empty();
    }

    @Override
    public Site createSite(MethodShape method) {
        return site;
    }

    @Override
    public boolean absorbsFailures() {
        return serving;
    }

    @Override
    public boolean answersInsteadOfBody() {
        return !serving;
    }

    @Override
    public boolean fromConfig() {
        return false;
    }
}
