package dev.wasrisc.exec;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs every command inside the toolchain image ({@code docker/Dockerfile}, built by {@code
 * docker/build-image.sh}): one container per session, with the project, the build cache and the
 * temporary folder mounted at the same paths as on the host, so paths in commands, build records
 * and cache keys mean the same thing on both sides.
 *
 * <p>It never pulls and never waits on a registry: the engine is found with a bounded ping
 * ({@link DockerEngine}), the image must already be there, and no Ryuk container is started (the
 * container ends itself when this JVM is gone; see {@link ToolchainContainer}). When either is
 * missing, the first command throws {@link ExecutorUnavailableException} naming the fix.
 *
 * <p>Selected with {@code -Dwasrisc.executor=docker}; the image with {@code wasrisc.docker.image}.
 */
public final class DockerExecutor implements Executor, AutoCloseable {

    /** The tag {@code docker/build-image.sh} gives the image it built last. */
    public static final String DEFAULT_IMAGE = "wasrisc/toolchain:latest";

    /** Exit code of coreutils' timeout(1) when it had to stop the command. */
    static final int TIMEOUT_EXIT = 124;

    /** Longer than timeout(1)'s kill-after: only an engine that stopped answering takes this long. */
    private static final Duration ENGINE_GRACE = Duration.ofSeconds(60);

    private static final Duration SMALL_COMMAND = Duration.ofMinutes(2);

    private final String image;
    private final List<Path> mounts;
    private final Path heartbeatDir;
    private final Duration staleAfter;
    private volatile ToolchainContainer container;
    private volatile ExecutorUnavailableException unavailable;

    public DockerExecutor(String image, List<Path> mounts) {
        this(image, mounts, ToolchainContainer.STALE_AFTER);
    }

    /**
     * @param staleAfter how long the container outlives this JVM when it ends without closing it
     *     (killed, crashed)
     */
    public DockerExecutor(String image, List<Path> mounts, Duration staleAfter) {
        this.image = image;
        this.staleAfter = staleAfter;
        this.heartbeatDir = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        List<Path> all = new ArrayList<>(mounts);
        all.add(heartbeatDir);
        this.mounts = mounts(all);
    }

    public String image() {
        return image;
    }

    /**
     * The folders to mount: each given folder once, leaving out those inside another, since the
     * outer mount already shows them.
     */
    static List<Path> mounts(List<Path> folders) {
        Set<Path> normal = new LinkedHashSet<>();
        folders.forEach(folder -> normal.add(folder.toAbsolutePath().normalize()));
        List<Path> result = new ArrayList<>();
        for (Path folder : normal) {
            boolean inside = normal.stream().anyMatch(other -> !other.equals(folder) && folder.startsWith(other));
            if (!inside) {
                result.add(folder);
            }
        }
        return result;
    }

    public List<Path> mounts() {
        return mounts;
    }

    /** The id of this session's container, starting it if need be. */
    public String containerId() {
        return container().id();
    }

    /**
     * What runs inside the container for {@code command}: coreutils' timeout(1) enforces the
     * time limit where the process lives, and env(1) empties the environment when asked.
     */
    static List<String> containerArgv(Command command) {
        List<String> argv = new ArrayList<>();
        // By absolute path: the command's own PATH (the host's, say) applies to what timeout starts.
        argv.add("/usr/bin/timeout");
        argv.add("--kill-after=5");
        argv.add(String.format("%.3f", command.timeout().toMillis() / 1000.0));
        // The file is mounted at its host path; the shell that opens it sets PWD, which env -i clears.
        argv.addAll(command.stdinPrefix());
        if (command.cleanEnvironment()) {
            argv.add("/usr/bin/env");
            argv.add("-i");
            command.environment().forEach((name, value) -> argv.add(name + "=" + value));
        }
        argv.addAll(command.argv());
        return argv;
    }

    /** The environment the exec itself gets: none beyond the image's when the command wants a clean one. */
    static Map<String, String> execEnvironment(Command command) {
        return command.cleanEnvironment() ? Map.of() : command.environment();
    }

    @Override
    public CommandResult execute(Command command) throws IOException {
        long start = System.nanoTime();
        ToolchainContainer.Exec result = container().exec(containerArgv(command), command.workDir().toString(),
                execEnvironment(command), command.timeout().plus(ENGINE_GRACE), command.maxOutputBytes());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        boolean timedOut = result.exitCode() == TIMEOUT_EXIT && took.compareTo(command.timeout()) >= 0;
        return new CommandResult(timedOut ? -1 : result.exitCode(), result.stdout(), result.stderr(), took, timedOut);
    }

    @Override
    public boolean isExecutableFile(Path path) {
        return small("test", "-f", path.toString(), "-a", "-x", path.toString()).exitCode() == 0;
    }

    @Override
    public boolean isFile(Path path) {
        return small("test", "-f", path.toString()).exitCode() == 0;
    }

    @Override
    public List<String> searchPath() {
        return List.of(text(small("sh", "-c", "printf %s \"$PATH\""), "PATH").split(":"));
    }

    @Override
    public Path realPath(Path path) throws IOException {
        return Path.of(text(small("readlink", "-f", path.toString()), "readlink -f " + path).strip());
    }

    /** Digested in the container: a tool's binary may be larger than a command's kept output. */
    @Override
    public String keyDigest(Path path) throws IOException {
        ToolchainContainer.Exec result = small("sh", "-c",
                "test -f \"$1\" && { printf '%s:' \"$(stat -c %s \"$1\")\"; cat \"$1\"; } | sha256sum", "sh", path.toString());
        if (result.exitCode() != 0) {
            throw new IOException("in " + image + ", cannot digest " + path + ": " + result.stderr().text().strip());
        }
        return result.stdout().text().strip().split("\\s+")[0];
    }

    @Override
    public byte[] readFile(Path path) throws IOException {
        ToolchainContainer.Exec result = small("cat", path.toString());
        if (result.exitCode() != 0) {
            throw new IOException("in " + image + ", cannot read " + path + ": "
                    + result.stderr().text().strip());
        }
        return result.stdout().complete("cat " + path + " in the toolchain container: stdout");
    }

    private static String text(ToolchainContainer.Exec result, String what) {
        if (result.exitCode() != 0) {
            throw new UncheckedIOException(new IOException("in the toolchain container, " + what + " failed: "
                    + result.stderr().text().strip()));
        }
        return result.stdout().text();
    }

    private ToolchainContainer.Exec small(String... argv) {
        try {
            return container().exec(List.of(argv), null, Map.of(), SMALL_COMMAND, Command.DEFAULT_MAX_OUTPUT_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ToolchainContainer container() {
        if (container == null) {
            synchronized (this) {
                if (unavailable != null) {
                    throw unavailable;
                }
                if (container == null) {
                    try {
                        container = start();
                    } catch (ExecutorUnavailableException e) {
                        unavailable = e;
                        throw e;
                    }
                }
            }
        }
        return container;
    }

    private ToolchainContainer start() {
        DockerEngine engine = DockerEngine.find().orElseThrow(() -> new ExecutorUnavailableException(
                "wasrisc.executor=docker: no Docker engine answers (DOCKER_HOST, or /var/run/docker.sock and the "
                        + "sockets of Docker Desktop, Colima, Rancher Desktop, Podman); start one, e.g. "
                        + "docker/start-engine.sh in a WASRISC clone"));
        DockerClient client = engine.client();
        try {
            client.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            closeQuietly(client);
            throw new ExecutorUnavailableException("wasrisc.executor=docker: the image " + image + " is not built "
                    + "on the engine at " + engine.host() + " (it is never pulled); build it with "
                    + "docker/build-image.sh in a WASRISC clone, or set wasrisc.docker.image");
        }
        try {
            return ToolchainContainer.start(client, image, mounts, heartbeatDir, staleAfter);
        } catch (IOException e) {
            closeQuietly(client);
            throw new ExecutorUnavailableException("wasrisc.executor=docker: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException e) {
            // Nothing was started on it.
        }
    }

    @Override
    public void close() {
        ToolchainContainer running = container;
        if (running != null) {
            running.close();
        }
    }
}
