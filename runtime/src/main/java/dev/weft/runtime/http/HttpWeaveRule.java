package dev.weft.runtime.http;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.weave.ClassFileScan;
import dev.weft.runtime.weave.MethodShape;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.WeaveRule;
import java.util.Optional;

/**
 * Weaves a method of an HTTP library or server: either the method that serves a request, around an
 * {@link IncomingSite}, or a client's method whose first argument is the request about to be sent, which then goes
 * through the bridge ({@link WeaveRule#passesRequestThroughBridge()}, {@link OutgoingRequests}).
 */
final class HttpWeaveRule implements WeaveRule {
    private final MethodSelector selector;
    private final byte[] classFileMark;
    private final SourcePosition position;
    /** Null for an outgoing request's method. */
    private final Site site;

    private HttpWeaveRule(String selector, byte[] classFileMark, SourcePosition position, Site site) {
        this.selector = MethodSelector.parse(selector);
        this.classFileMark = classFileMark;
        this.position = position;
        this.site = site;
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
    public boolean mayMatchClassFile(byte[] classFile) {
        return classFileMark == null || ClassFileScan.contains(classFile, classFileMark);
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
    public boolean passesRequestThroughBridge() {
        return site == null;
    }

    @Override
    public boolean fromConfig() {
        return false;
    }
}
