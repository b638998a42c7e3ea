package dev.weft.bench.lock;

import dev.weft.bench.Harness;
import dev.weft.bench.Line;
import dev.weft.bench.NotInThisBuild;
import dev.weft.bench.Row;
import dev.weft.bench.Section;
import dev.weft.bench.WeftYaml;
import dev.weft.bench.load.LoadResult;
import dev.weft.runtime.config.RedisSettings;
import dev.weft.runtime.redis.RedisAcl;
import dev.weft.testkit.SecuredRedis;
import dev.weft.testkit.TestCertificates;
import java.util.List;
import java.util.Optional;

/**
 * What TLS costs a lock: Weft on one fresh {@link SecuredRedis} (client certificates required), first through its
 * plain port, then through its TLS port, as the same ACL user with the least-privilege rule of docs/redis.md. Same
 * server, user, keys and threads: the only difference is {@code redis://} against {@code rediss://} with
 * {@code redis.tls}. The ratio is TLS against plain, in the same run.
 */
public record TlsLockRow(String id, String title, int threads) implements Row {
    private static final String USER = "weft";
    private static final String PASSWORD = "bench-pw";

    public static List<TlsLockRow> all() {
        return List.of(
                new TlsLockRow("lock-uncontended-tls", "TLS, uncontended, 1 thread", 1),
                new TlsLockRow("lock-distinct-tls", "TLS, distinct keys, 8 threads", 8));
    }

    /** The cluster row stands for this section in the smoke run: this is the same lock code on another URI. */
    @Override
    public boolean inSmokeRun() {
        return false;
    }

    @Override
    public List<Line> run(Harness harness) throws Exception {
        String tls = "Weft, rediss:// with client certificate";
        if (!SecuredRedis.binarySupportsTls()) {
            return List.of(Line.unavailable(Section.LOCKS_DEPLOYMENTS, title, tls,
                    new NotInThisBuild("this redis-server binary was built without TLS")));
        }
        TestCertificates certificates = TestCertificates.shared();
        try (SecuredRedis redis = SecuredRedis.start(certificates,
                USER + " on >" + PASSWORD + " " + RedisAcl.rule(RedisSettings.DEFAULT_KEY_PREFIX, false))) {
            LockLoad load = new LockLoad(harness, 1, threads, Keys.DISTINCT);
            String plainUri = "redis://" + USER + ":" + PASSWORD + "@127.0.0.1:" + redis.server().port();
            LoadResult plain = load.weft(WeftYaml.lockOn(harness.scratch(), id + "-plain", plainUri, Optional.empty(),
                    LockLoad.WOVEN_METHOD));
            LoadResult secured = load.weft(WeftYaml.lockOn(harness.scratch(), id + "-tls", redis.uri(USER, PASSWORD),
                    Optional.of(certificates), LockLoad.WOVEN_METHOD));
            return List.of(line("Weft, redis:// (same server, plain port)", plain, plain), line(tls, secured, plain));
        }
    }

    private Line line(String implementation, LoadResult result, LoadResult plain) {
        return LockLoad.line(Section.LOCKS_DEPLOYMENTS, title, implementation, result, plain);
    }
}
