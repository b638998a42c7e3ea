package dev.weft.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real {@code redis-server} process on a free loopback port.
 *
 * <p>The binary is {@code redis-server} from {@code PATH} or, failing that, the one shipped inside the
 * {@code com.github.codemonstur:embedded-redis} jar, so a machine with only a JDK and Maven can run it. Every
 * process started here is killed when the JVM exits, even if a test forgets to {@link #close()} it.
 */
public final class RedisServer implements AutoCloseable {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "redis-reaper"));
    }

    private final int port;
    private final TempDirectory dir;
    private final List<String> extraArgs;
    /** The config file named first on the command line (a Sentinel's, which it rewrites), or null for none. */
    private final Path configFile;
    private Process process;

    private RedisServer(int port, TempDirectory dir, Path configFile, List<String> extraArgs) {
        this.port = port;
        this.dir = dir;
        this.configFile = configFile;
        this.extraArgs = extraArgs;
    }

    /** Starts a server with persistence off on a free port. */
    public static RedisServer start(String... extraArgs) {
        return start(RedisServer::freePort, extraArgs);
    }

    /**
     * Starts a server on a free port whose cluster bus port (port + 10000, fixed in Redis 6) is free too; the caller
     * adds {@code --cluster-enabled yes}.
     */
    public static RedisServer startClusterNode(String... extraArgs) {
        return start(RedisServer::freePortWithBus, extraArgs);
    }

    /**
     * Starts {@code redis-server --sentinel} on a free port with {@code config} (its {@code sentinel monitor} lines)
     * written to a file of its own, which Sentinel rewrites as it learns the group.
     */
    public static RedisServer startSentinel(String config) {
        TempDirectory dir = TempDirectory.create("weft-sentinel-");
        Path file = dir.path().resolve("sentinel.conf");
        try {
            Files.writeString(file, config);
        } catch (IOException e) {
            dir.close();
            throw new UncheckedIOException(e);
        }
        return start(RedisServer::freePort, dir, file, "--sentinel");
    }

    private interface PortChoice {
        int next() throws IOException;
    }

    private static RedisServer start(PortChoice ports, String... extraArgs) {
        return start(ports, TempDirectory.create("weft-redis-"), null, extraArgs);
    }

    private static RedisServer start(PortChoice ports, TempDirectory dir, Path configFile, String... extraArgs) {
        try {
            for (int attempt = 1; ; attempt++) {
                RedisServer server = new RedisServer(ports.next(), dir, configFile, List.of(extraArgs));
                try {
                    server.launch();
                    return server;
                } catch (IllegalStateException lostPortRace) {
                    if (attempt == 3) {
                        throw lostPortRace; // the directory stays until exit: its log says why
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** The server's data directory (for AOF/RDB files in persistence tests). */
    public Path dir() {
        return dir.path();
    }

    /** Kills the process at once (no save), as a crash would. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
            LIVE.remove(process);
            process = null;
        }
    }

    /** Starts the server again on the same port and directory (it comes back empty unless persistence was on). */
    public void restart() {
        kill();
        startAgain();
    }

    /** Starts the server again after {@link #kill()}, on the same port and directory, for an outage of a chosen length. */
    public void startAgain() {
        if (process != null) {
            throw new IllegalStateException("redis-server on port " + port + " is still running; kill() it first");
        }
        launch();
    }

    /** SIGSTOP: the process stays alive and keeps its socket, but answers nothing, as in a long GC or VM pause. */
    public void pause() {
        Signals.send("STOP", process.pid());
    }

    /** SIGCONT after {@link #pause()}. */
    public void resume() {
        Signals.send("CONT", process.pid());
    }

    /** Kills the process and deletes its directory. */
    @Override
    public void close() {
        kill();
        dir.close();
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(binary().toString()));
        if (configFile != null) {
            command.add(configFile.toString());
        }
        command.addAll(List.of("--port", String.valueOf(port), "--bind", "127.0.0.1", "--protected-mode", "no",
                "--save", "", "--appendonly", "no", "--dir", dir.path().toString(), "--daemonize", "no"));
        command.addAll(extraArgs);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.path().resolve("redis-" + port + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        LIVE.add(process);
        awaitPing();
    }

    private void awaitPing() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at start (port " + port + " taken?), see "
                        + dir.path().resolve("redis-" + port + ".log"));
            }
            if (answersPing()) {
                return;
            }
            sleep(20);
        }
        kill();
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within " + START_TIMEOUT);
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[7];
            int n = socket.getInputStream().read(reply);
            return n > 0 && new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A port below 55536 that is free, as is port + 10000. */
    private static int freePortWithBus() throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        while (true) {
            int port = random.nextInt(20_000, 45_000);
            if (isFree(port) && isFree(port + 10_000)) {
                return port;
            }
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static volatile Path binary;

    /** redis-server on PATH, else the embedded-redis binary for this OS and CPU, extracted once per machine. */
    public static synchronized Path binary() {
        if (binary == null) {
            binary = onPath();
            if (binary == null) {
                binary = extractEmbedded();
            }
        }
        return binary;
    }

    private static Path onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "redis-server");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Path extractEmbedded() {
        String resource = embeddedResourceName();
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "weft-" + resource);
        if (Files.isExecutable(target)) {
            return target;
        }
        try (InputStream in = RedisServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no redis-server on PATH and no " + resource
                        + " in com.github.codemonstur:embedded-redis; install redis-server");
            }
            Path tmp = Files.createTempFile(target.getParent(), "weft-redis", ".part");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            if (!tmp.toFile().setExecutable(true)) {
                throw new IllegalStateException("cannot make " + tmp + " executable");
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String embeddedResourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        boolean arm = arch.contains("aarch64") || arch.contains("arm");
        if (os.contains("linux")) {
            return arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
        }
        if (os.contains("mac")) {
            return arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
        }
        throw new IllegalStateException("no embedded redis-server for " + os + "/" + arch + "; install redis-server");
    }

    private static void waitFor(Process p) {
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
