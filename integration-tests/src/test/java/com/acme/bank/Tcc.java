package com.acme.bank;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Plays TCC's part in front of the JDBC barrier, so that each disorder can be staged on its own: brackets each
 * phase body with {@code PhaseScope.begin} and {@code end}, exactly as TCC does, and returns
 * {@code "<PHASE> <outcome> <thrown>"}.
 *
 * <p>{@code PhaseScope} lives in the agent's private class loader, which no application class can see; the test
 * reaches it through that loader, found from the Weft bridge's dispatcher. Only a test does this.
 */
final class Tcc {
    /** The body of one phase. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    private final Method begin;
    private final Method end;
    private final Constructor<?> barrierKey;
    private final Class<?> phaseType;

    Tcc() throws ReflectiveOperationException {
        Field dispatcher = Class.forName("dev.weft.bootstrap.WeftBridge").getDeclaredField("dispatcher");
        dispatcher.setAccessible(true);
        ClassLoader runtime = dispatcher.get(null).getClass().getClassLoader();
        Class<?> scope = Class.forName("dev.weft.runtime.jdbc.PhaseScope", true, runtime);
        phaseType = Class.forName("dev.weft.runtime.jdbc.BranchPhase", true, runtime);
        Class<?> keyType = Class.forName("dev.weft.runtime.jdbc.BarrierKey", true, runtime);
        barrierKey = keyType.getConstructor(String.class, long.class, phaseType);
        begin = scope.getMethod("begin", keyType);
        end = scope.getMethod("end");
    }

    String run(String xid, long branch, String phase, Body body) throws ReflectiveOperationException {
        begin.invoke(null, barrierKey.newInstance(xid, branch, phaseConstant(phase)));
        String thrown = "ok";
        try {
            body.run();
        } catch (Exception e) {
            thrown = e.getClass().getSimpleName();
        }
        return phase + " " + end.invoke(null) + " " + thrown;
    }

    private Object phaseConstant(String name) {
        for (Object constant : phaseType.getEnumConstants()) {
            if (constant.toString().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
