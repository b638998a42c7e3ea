package dev.weft.runtime.http;

import dev.weft.runtime.config.MethodSelector;
import dev.weft.runtime.config.SourcePosition;
import dev.weft.runtime.weave.Site;
import dev.weft.runtime.weave.WeaveRule;
import java.util.Optional;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.ClassFileLocator;

/** Weaves the method that serves a request for one kind of server, around an {@link IncomingSite}. */
final class IncomingWeaveRule implements WeaveRule {
    private final MethodSelector selector;
    private final byte[] classFileMark;
    private final SourcePosition position;
    private final Site site;

    /**
     * @param classFileMark null, or a name every candidate's class file contains: the test for a {@code +Type}
     *                      selector, whose candidates cannot be told by name
     * @param position      where transactions are configured, for messages
     */
    IncomingWeaveRule(String selector, byte[] classFileMark, SourcePosition position, Site site) {
        this.selector = MethodSelector.parse(selector);
        this.classFileMark = classFileMark;
        this.position = position;
        this.site = site;
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
    public Optional<String> problemWith(MethodDescription method, ClassFileLocator classFiles) {
        return Optional.empty();
    }

    @Override
    public Site createSite(MethodDescription method, ClassFileLocator classFiles) {
        return site;
    }
}
