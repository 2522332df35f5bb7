package dev.wasrisc.exec;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.ExecConfig;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs every command inside the toolchain image ({@code docker/Dockerfile}), through
 * Testcontainers: one long-lived container per session, with the project, the build cache and the
 * temporary folder mounted at the same paths as on the host, so paths in commands, build records
 * and cache keys mean the same thing on both sides.
 *
 * <p>Selected with {@code -Dwasrisc.executor=docker}; the image with {@code wasrisc.docker.image}.
 */
public final class DockerExecutor implements Executor, AutoCloseable {

    /** The tag {@code docker build -t wasrisc/toolchain docker/} gives the image. */
    public static final String DEFAULT_IMAGE = "wasrisc/toolchain:latest";

    /** Exit code of coreutils' timeout(1) when it had to stop the command. */
    static final int TIMEOUT_EXIT = 124;

    private final String image;
    private final List<Path> mounts;
    private volatile GenericContainer<?> container;

    public DockerExecutor(String image, List<Path> mounts) {
        this.image = image;
        this.mounts = mounts(mounts);
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

    /**
     * What runs inside the container for {@code command}: coreutils' timeout(1) enforces the
     * time limit where the process lives, and env(1) empties the environment when asked.
     */
    static List<String> containerArgv(Command command) {
        List<String> argv = new ArrayList<>();
        argv.add("timeout");
        argv.add("--kill-after=5");
        argv.add(String.format("%.3f", command.timeout().toMillis() / 1000.0));
        // The file is mounted at its host path; the shell that opens it sets PWD, which env -i clears.
        argv.addAll(command.stdinPrefix());
        if (command.cleanEnvironment()) {
            argv.add("env");
            argv.add("-i");
            command.environment().forEach((name, value) -> argv.add(name + "=" + value));
        }
        // The file is mounted at its host path.
        argv.addAll(command.argv());
        return argv;
    }

    static ExecConfig execConfig(Command command) {
        return ExecConfig.builder()
                .command(containerArgv(command).toArray(String[]::new))
                .workDir(command.workDir().toString())
                .envVars(command.cleanEnvironment() ? java.util.Map.of() : command.environment())
                .build();
    }

    @Override
    public CommandResult execute(Command command) throws IOException {
        long start = System.nanoTime();
        Container.ExecResult result = exec(execConfig(command));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        boolean timedOut = result.getExitCode() == TIMEOUT_EXIT && took.compareTo(command.timeout()) >= 0;
        return new CommandResult(timedOut ? -1 : result.getExitCode(),
                result.getStdout().getBytes(StandardCharsets.UTF_8), result.getStderr().getBytes(StandardCharsets.UTF_8),
                took, timedOut);
    }

    @Override
    public boolean isExecutableFile(Path path) {
        return test("-f", path) && test("-x", path);
    }

    @Override
    public boolean isFile(Path path) {
        return test("-f", path);
    }

    @Override
    public List<String> searchPath() {
        return List.of(shell("printf %s \"$PATH\"").split(":"));
    }

    @Override
    public Path realPath(Path path) throws IOException {
        return Path.of(shell("readlink -f '" + path + "'").strip());
    }

    @Override
    public byte[] readFile(Path path) throws IOException {
        // Exec output is text: the bytes travel as base64.
        return Base64.getMimeDecoder().decode(shell("base64 '" + path + "'"));
    }

    private boolean test(String flag, Path path) {
        try {
            return exec(ExecConfig.builder().command(new String[] {"test", flag, path.toString()}).build()).getExitCode() == 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String shell(String script) {
        try {
            Container.ExecResult result = exec(ExecConfig.builder().command(new String[] {"sh", "-c", script}).build());
            if (result.getExitCode() != 0) {
                throw new IOException("in the toolchain container, '" + script + "' failed: " + result.getStderr());
            }
            return result.getStdout();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Container.ExecResult exec(ExecConfig config) throws IOException {
        try {
            return container().execInContainer(config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + String.join(" ", config.getCommand())
                    + " in " + image);
        }
    }

    private GenericContainer<?> container() {
        if (container == null) {
            synchronized (this) {
                if (container == null) {
                    GenericContainer<?> started = new GenericContainer<>(DockerImageName.parse(image))
                            .withCommand("sleep", "infinity");
                    for (Path mount : mounts) {
                        started = started.withFileSystemBind(mount.toString(), mount.toString(), BindMode.READ_WRITE);
                    }
                    started.start();
                    container = started;
                }
            }
        }
        return container;
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
        }
    }
}
