package dev.weft.runtime.weave;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import java.util.Optional;

/**
 * A rule Weft makes itself for a library's methods (a JDBC driver's, a servlet container's, an HTTP client's), not
 * one the user wrote: nothing to refuse in a matched method, and one site for all of them.
 */
public abstract class LibraryHookRule implements WeaveRule {
    private final MethodSelector selector;
    private final SourcePosition position;
    /** Null, or an exact constant-pool entry every candidate's class file holds: the cheap test before parsing. */
    private final byte[] classFileMark;
    private final Site site;

    /** @param position the config entry that asked for the hook, for messages */
    protected LibraryHookRule(String selector, SourcePosition position, byte[] classFileMark, Site site) {
        this.selector = MethodSelector.parse(selector);
        this.position = position;
        this.classFileMark = classFileMark;
        this.site = site;
    }

    @Override
    public boolean mayMatchClassFile(byte[] classFile) {
        return classFileMark == null || ClassFileScan.contains(classFile, classFileMark);
    }

    @Override
    public final MethodSelector selector() {
        return selector;
    }

    @Override
    public final SourcePosition position() {
        return position;
    }

    @Override
    public final Optional<String> problemWith(MethodShape method) {
        return Optional.empty();
    }

    @Override
    public final Site createSite(MethodShape method) {
        return site;
    }

    @Override
    public final boolean fromConfig() {
        return false;
    }
}
