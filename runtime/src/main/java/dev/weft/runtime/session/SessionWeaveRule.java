package dev.weft.runtime.session;

import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.weave.ClassFileScan;
import dev.weft.runtime.weave.LibraryHookRule;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.WeaveRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The servlet API's methods woven for sessions, in both flavours: where a request is served (a {@link ServingSite})
 * and the request's session methods (a {@link RequestSite} each). Found by name in whatever container loads them.
 */
final class SessionWeaveRule extends LibraryHookRule {
    private final boolean serving;

    /** @param classFileMark an exact constant-pool entry (a class name, a descriptor) every candidate holds */
    private SessionWeaveRule(String selector, String classFileMark, SourcePosition position, Site site,
                             boolean serving) {
        super(selector, position, ClassFileScan.ascii(classFileMark), site);
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
    public boolean absorbsFailures() {
        return serving;
    }

    @Override
    public boolean answersInsteadOfBody() {
        return !serving;
    }
}
