package dev.weft.runtime.http;

import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.weave.LibraryHookRule;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.WeaveRule;

/**
 * Weaves a method of an HTTP library or server: either the method that serves a request, around an
 * {@link IncomingSite}, or a client's method whose first argument is the request about to be sent, which then goes
 * through the bridge ({@link WeaveRule#passesRequestThroughBridge()}, {@link OutgoingRequests}).
 */
final class HttpWeaveRule extends LibraryHookRule {
    private final boolean outgoing;

    /** @param site null for an outgoing request's method */
    private HttpWeaveRule(String selector, byte[] classFileMark, SourcePosition position, Site site) {
        super(selector, position, classFileMark, site);
        this.outgoing = site == null;
    }

    /**
     * @param classFileMark null, or a name every candidate's class file contains: the test for a {@code +Type}
     *                      selector, whose candidates cannot be told by name
     * @param position      where transactions are configured, for messages
     */
    static HttpWeaveRule incoming(String selector, byte[] classFileMark, SourcePosition position, Site site) {
        return new HttpWeaveRule(selector, classFileMark, position, site);
    }

    /** @param selector a method of a named class (no {@code +}), whose first parameter is the request */
    static HttpWeaveRule outgoing(String selector, SourcePosition position) {
        return new HttpWeaveRule(selector, null, position, null);
    }

    @Override
    public boolean passesRequestThroughBridge() {
        return outgoing;
    }
}
