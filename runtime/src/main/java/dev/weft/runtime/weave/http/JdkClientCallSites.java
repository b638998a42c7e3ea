package dev.weft.runtime.weave.http;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.isDeclaredBy;
import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.weft.runtime.weave.CallSiteRewrite;
import dev.weft.runtime.weave.ClassFileScan;
import dev.weft.runtime.weave.JdkCallees;
import dev.weft.runtime.weave.ThroughBridge;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.asm.MemberSubstitution.Substitution.Chain.Step.OfOriginalExpression;

/**
 * The JDK's HTTP clients are JDK classes, which Weft never weaves; their callers are rewritten instead:
 * <ul>
 *   <li>{@code HttpClient.send} and {@code sendAsync} get the request through the bridge first, so a
 *       copy with the transaction's headers is sent;</li>
 *   <li>{@code URL.openConnection} hands its result to the bridge, which sets the headers on an
 *       {@code HttpURLConnection} before the application can send anything on it.</li>
 * </ul>
 * Only classes whose bytes mention {@code java/net/http/HttpClient}, or both {@code java/net/URL} and
 * {@code openConnection}, are parsed at all.
 */
public final class JdkClientCallSites implements CallSiteRewrite {
    private static final byte[] HTTP_CLIENT = ClassFileScan.ascii("java/net/http/HttpClient");
    private static final byte[] OPEN_CONNECTION = ClassFileScan.ascii("openConnection");
    private static final byte[] URL = ClassFileScan.ascii("java/net/URL");
    private static final JdkCallees CALLEES = new JdkCallees("java.net.http.HttpClient", "java.net.URL");

    @Override
    public boolean mayApply(byte[] classFile) {
        return ClassFileScan.contains(classFile, HTTP_CLIENT)
                || ClassFileScan.contains(classFile, OPEN_CONNECTION) && ClassFileScan.contains(classFile, URL);
    }

    @Override
    public AsmVisitorWrapper visitor() {
        return CALLEES.substitution()
                .method(isDeclaredBy(named("java.net.http.HttpClient")).and(named("send").or(named("sendAsync"))))
                .replaceWithChain(ThroughBridge.outgoingRequestArgument(1), OfOriginalExpression.INSTANCE)
                .method(isDeclaredBy(named("java.net.URL")).and(named("openConnection")))
                .replaceWithChain(OfOriginalExpression.INSTANCE, ThroughBridge.outgoingRequestResult())
                .on(any());
    }
}
