package dev.weft.bench.session;

import dev.weft.bench.Format;
import dev.weft.bench.Harness;
import dev.weft.bench.Line;
import dev.weft.bench.NotInThisBuild;
import dev.weft.bench.RedisCommandStats;
import dev.weft.bench.Row;
import dev.weft.bench.Section;
import dev.weft.bench.WeftYaml;
import dev.weft.bench.load.LoadResult;
import dev.weft.testkit.JavaProcess;
import dev.weft.testkit.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What sharing the {@code HttpSession} through Redis costs a request that reads and writes one attribute (issue 18),
 * {@code threads} browsers with a session each, back to back, in the same run and against one fresh redis-server:
 * <ol>
 *   <li>an embedded Tomcat servlet application ({@link CounterServer}) without any agent: no sharing, the floor;</li>
 *   <li>the same application with the Weft agent and {@code sessions:};</li>
 *   <li>a Spring Boot application (benchmarks/peers/spring-session) serving a copy of the same servlet with Spring
 *       Session Data Redis excluded: Spring Boot's own floor (left out of the smoke run, which only proves the row
 *       runs);</li>
 *   <li>the same Spring Boot application with Spring Session Data Redis, Spring Boot's defaults (flush mode
 *       {@code on-save}, save mode {@code on-set-attribute}, the non-indexed repository).</li>
 * </ol>
 * Each server JVM is started alone, measured, and killed before the next starts. The browsers run in the harness JVM
 * ({@link SessionClients}), whose HTTP client is warmed once, on the first line, before that line's own warm-up; each
 * line also reports the Redis commands a request cost, from {@code INFO commandstats}.
 */
public record SessionRow(String id, int threads) implements Row {
    /** Only so that a broken run cannot hang: Spring Boot took 13 s to start on a loaded 2-core machine. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern LISTENING = Pattern.compile("^LISTENING (\\d+)$");
    private static final List<String> SMOKE_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    private static final String SPRING_SESSION_AUTO_CONFIGURATION =
            "org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration";
    static final String PEER_JAR = "benchmarks/peers/spring-session/target/spring-session-peer.jar";

    public static List<SessionRow> all() {
        return List.of(new SessionRow("sessions-1", 1), new SessionRow("sessions-8", 8));
    }

    /** {@code sessions-8} is the same code with more threads. */
    @Override
    public boolean inSmokeRun() {
        return threads == 1;
    }

    /** The lines, in order; each with its floor (the same application without sharing) and its Redis keys. */
    enum Server {
        TOMCAT("Tomcat servlet app, no agent (no sharing)", null, null),
        WEFT("same app, Weft sessions: in Redis", TOMCAT, "weft:session:*"),
        SPRING_BOOT("Spring Boot app, same servlet, no Spring Session (no sharing)", null, null),
        SPRING_SESSION("Spring Boot app, Spring Session Data Redis (Boot's defaults)", SPRING_BOOT,
                "spring:session:sessions:*");

        final String label;
        final Server floor;
        final String keys;

        Server(String label, Server floor, String keys) {
            this.label = label;
            this.floor = floor;
            this.keys = keys;
        }
    }

    @Override
    public List<Line> run(Harness harness) throws Exception {
        String row = "read and write one attribute, " + threads + (threads == 1 ? " thread" : " threads");
        Map<Server, Measured> results = new EnumMap<>(Server.class);
        Map<Server, NotInThisBuild> refusals = new EnumMap<>(Server.class);
        List<Server> servers = List.of(Server.values()).stream()
                .filter(server -> server != Server.SPRING_BOOT || !harness.settings().smoke()).toList();
        Map<Server, JavaProcess> started = new EnumMap<>(Server.class);
        try (RedisServer redis = RedisServer.start()) {
            if (harness.settings().smoke()) {
                // Only to keep the smoke run short: its numbers mean nothing, so the JVMs may start side by side.
                servers.forEach(server -> started.put(server, start(harness, redis, server)));
            }
            for (Server server : servers) {
                try (JavaProcess jvm = started.containsKey(server) ? started.get(server)
                        : start(harness, redis, server)) {
                    results.put(server, measure(harness, redis, server, jvm));
                } catch (NotInThisBuild refused) {
                    refusals.put(server, refused);
                }
            }
        } finally {
            started.values().forEach(JavaProcess::close);
        }
        Measured springSession = results.get(Server.SPRING_SESSION);
        List<Line> lines = new ArrayList<>();
        for (Server server : Server.values()) {
            Measured measured = results.get(server);
            if (refusals.containsKey(server)) {
                lines.add(Line.unavailable(Section.SESSIONS, row, server.label, refusals.get(server)));
            }
            if (measured == null) {
                continue;
            }
            LoadResult result = measured.result();
            Measured floor = server.floor == null ? null : results.get(server.floor);
            lines.add(Line.measured(Section.SESSIONS, row, server.label, Format.rate(result.perSecond()),
                    Format.latency(result.p50Nanos()), Format.latency(result.p99Nanos()),
                    server.floor == null ? "(floor)" : floor == null ? "-"
                            : signedLatency(result.p99Nanos() - floor.result().p99Nanos()),
                    springSession == null ? "-"
                            : Format.ratio(result.perSecond(), springSession.result().perSecond()),
                    measured.commands(), Long.toString(result.failures())));
        }
        return lines;
    }

    /** As {@link Format#latency}, with its sign: a line can measure below its floor, within the noise. */
    private static String signedLatency(long nanos) {
        return (nanos < 0 ? "-" : "+") + Format.latency(Math.abs(nanos));
    }

    /** What one line measured, and the Redis commands per request it cost. */
    record Measured(LoadResult result, String commands) {
    }

    private Measured measure(Harness harness, RedisServer redis, Server server, JavaProcess jvm) throws Exception {
        long waiting = System.nanoTime();
        int port = awaitListening(jvm);
        System.err.printf(Locale.ROOT, "[bench] %s: waited %.1f s for %s to listen%n", id(),
                (System.nanoTime() - waiting) / 1e9, server.name().toLowerCase(Locale.ROOT));
        if (!harness.settings().smoke()) {
            SessionClients.warmOnce(port, harness.settings());
        }
        Map<String, Long> before = RedisCommandStats.read(redis.port());
        LoadResult result = SessionClients.run(port, harness.settings(), threads);
        String commands = RedisCommands.perRequest(before, RedisCommandStats.read(redis.port()),
                result.counts().get(SessionClients.COUNT_REQUESTS));
        if (server.keys != null && RedisCommands.keys(redis.port(), server.keys) < threads) {
            throw new IllegalStateException(server.label + ": fewer than " + threads + " keys " + server.keys
                    + " in Redis, so the sessions were not shared" + jvm.report());
        }
        if (server.keys == null && !commands.equals("none")) {
            throw new IllegalStateException(server.label + " used Redis (" + commands + "), but shares nothing");
        }
        return new Measured(result, commands);
    }

    private JavaProcess start(Harness harness, RedisServer redis, Server server) {
        JavaProcess.Builder jvm = builder(harness, redis, server);
        if (harness.settings().smoke()) {
            // A quicker start (as the integration tests' JVMs have): the smoke run's numbers mean nothing anyway.
            SMOKE_OPTIONS.forEach(jvm::option);
        }
        return jvm.start();
    }

    private JavaProcess.Builder builder(Harness harness, RedisServer redis, Server server) {
        String name = id() + "-" + server.name().toLowerCase(Locale.ROOT);
        return switch (server) {
            case TOMCAT, WEFT -> {
                Path baseDir = directory(harness.scratch().resolve(name));
                JavaProcess.Builder jvm = JavaProcess.mainClass(CounterServer.class.getName())
                        .classPath(harness.layout().workerClassPath("org.apache.catalina.startup.Tomcat",
                                "jakarta.annotation.Resource"))
                        .name(name).args(baseDir.toString());
                if (server == Server.WEFT) {
                    jvm.agent(harness.layout().agentJar(), "config=" + WeftYaml.sessions(harness.scratch(), name, redis.uri()));
                }
                yield jvm;
            }
            case SPRING_BOOT, SPRING_SESSION -> {
                List<String> args = new ArrayList<>(List.of("--spring.data.redis.url=" + redis.uri()));
                if (server == Server.SPRING_BOOT) {
                    args.add("--spring.autoconfigure.exclude=" + SPRING_SESSION_AUTO_CONFIGURATION);
                }
                yield JavaProcess.jar(peerJar(harness)).name(name).args(args.toArray(String[]::new));
            }
        };
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectory(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path peerJar(Harness harness) {
        Path jar = harness.layout().root().resolve(PEER_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build first (mvn -B -q -DskipTests package)"
                    + " and run from the repository root, or set -Dweft.bench.root");
        }
        return jar;
    }

    /** The port the server printed; {@link NotInThisBuild} if the agent refused a feature this build lacks. */
    private static int awaitListening(JavaProcess jvm) throws NotInThisBuild {
        try {
            String line = jvm.awaitLine(text -> LISTENING.matcher(text).matches(), "LISTENING <port>",
                    START_TIMEOUT);
            Matcher port = LISTENING.matcher(line);
            port.matches();
            return Integer.parseInt(port.group(1));
        } catch (IllegalStateException e) {
            NotInThisBuild.throwIfRefused(jvm);
            throw e;
        }
    }
}
