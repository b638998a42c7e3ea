package dev.weft.runtime.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

/**
 * A Lua script run by its SHA1 (EVALSHA), so the body crosses the network only when Redis does not have it cached
 * yet: after a restart, a fail-over or SCRIPT FLUSH it answers NOSCRIPT, and the script is sent once with EVAL,
 * which caches it again.
 */
public final class LuaScript {
    private final String source;
    private final String sha1;

    private LuaScript(String source) {
        this.source = source;
        this.sha1 = sha1Hex(source);
    }

    /**
     * One script made of the resources {@code names} next to {@code anchor}, in that order: Redis scripts cannot
     * include one another, so functions shared by several scripts go in a resource put in front of each.
     */
    public static LuaScript fromResources(Class<?> anchor, String... names) {
        StringBuilder source = new StringBuilder();
        for (String name : names) {
            source.append(read(anchor, name)).append('\n');
        }
        return new LuaScript(source.toString());
    }

    private static String read(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + anchor.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> CompletableFuture<T> run(RedisClusterAsyncCommands<String, String> redis, ScriptOutputType type,
                                        String[] keys, String... args) {
        return redis.<T>evalsha(sha1, type, keys, args).toCompletableFuture()
                .exceptionallyCompose(failure -> Replies.cause(failure) instanceof RedisNoScriptException
                        ? redis.<T>eval(source, type, keys, args).toCompletableFuture()
                        : CompletableFuture.failedFuture(Replies.cause(failure)));
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }
}
