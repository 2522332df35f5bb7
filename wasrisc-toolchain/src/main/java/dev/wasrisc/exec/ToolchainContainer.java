package dev.wasrisc.exec;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One container of the toolchain image for a session, and the commands run in it.
 *
 * <p>Without Ryuk (Testcontainers' reaper, an image from a registry) the container looks after its
 * own end: its main process is a watchdog that exits when the session's heartbeat file, which this
 * JVM touches every few seconds, is gone or stale, and Docker then removes the container
 * (auto-remove). So a JVM killed with SIGKILL leaves nothing behind for long; a normal end
 * removes the container at once.
 */
final class ToolchainContainer implements AutoCloseable {

    /** Label on every container this class starts, for {@code docker ps --filter label=...}. */
    static final String LABEL = "dev.wasrisc.toolchain";

    /** By default the watchdog gives up on a heartbeat older than this. */
    static final Duration STALE_AFTER = Duration.ofSeconds(30);

    private static final String WATCHDOG = "while [ -f \"$0\" ] && [ $(( $(date +%s) - $(stat -c %Y \"$0\") )) -lt $1 ]; "
            + "do sleep 1; done";

    private final DockerClient client;
    private final String id;
    private final Path heartbeat;
    private final ScheduledExecutorService beats;
    private final Thread onExit;

    private ToolchainContainer(DockerClient client, String id, Path heartbeat, ScheduledExecutorService beats) {
        this.client = client;
        this.id = id;
        this.heartbeat = heartbeat;
        this.beats = beats;
        this.onExit = new Thread(this::remove, "wasrisc-toolchain-container-exit");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * Starts a container of {@code image} with each folder mounted at its own path. {@code
     * heartbeatDir} must be one of them (or inside one).
     */
    static ToolchainContainer start(DockerClient client, String image, List<Path> mounts, Path heartbeatDir,
            Duration staleAfter) throws IOException {
        String session = UUID.randomUUID().toString().substring(0, 12);
        Path heartbeat = heartbeatDir.resolve("wasrisc-docker-" + session + ".alive");
        Files.writeString(heartbeat, "pid " + ProcessHandle.current().pid() + "\n");
        List<Bind> binds = new ArrayList<>();
        for (Path mount : mounts) {
            binds.add(new Bind(mount.toString(), new Volume(mount.toString()), AccessMode.rw));
        }
        String id;
        try {
            id = client.createContainerCmd(image)
                    .withName("wasrisc-toolchain-" + session)
                    .withLabels(Map.of(LABEL, session, LABEL + ".pid", String.valueOf(ProcessHandle.current().pid())))
                    .withCmd("sh", "-c", WATCHDOG, heartbeat.toString(), String.valueOf(Math.max(2, staleAfter.toSeconds())))
                    .withHostConfig(HostConfig.newHostConfig().withBinds(binds).withAutoRemove(true))
                    .exec()
                    .getId();
            client.startContainerCmd(id).exec();
        } catch (RuntimeException e) {
            Files.deleteIfExists(heartbeat);
            throw new IOException("cannot start a container of " + image + ": " + e.getMessage(), e);
        }
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "wasrisc-toolchain-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long beat = Math.max(500, staleAfter.toMillis() / 6);
        beats.scheduleAtFixedRate(() -> touch(heartbeat), beat, beat, TimeUnit.MILLISECONDS);
        return new ToolchainContainer(client, id, heartbeat, beats);
    }

    private static void touch(Path heartbeat) {
        try {
            Files.setLastModifiedTime(heartbeat, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // The next beat tries again; a missing file ends the container, as it should then.
        }
    }

    String id() {
        return id;
    }

    /**
     * What a command printed (at most {@code maxOutputBytes} of each stream) and how it ended;
     * {@code limit} guards against an engine that hangs.
     */
    Exec exec(List<String> argv, String workDir, Map<String, String> environment, Duration limit,
            long maxOutputBytes) throws IOException {
        List<String> env = new ArrayList<>();
        environment.forEach((name, value) -> env.add(name + "=" + value));
        String execId;
        try {
            var create = client.execCreateCmd(id).withCmd(argv.toArray(String[]::new))
                    .withAttachStdout(true).withAttachStderr(true).withEnv(env);
            if (workDir != null) {
                create.withWorkingDir(workDir);
            }
            execId = create.exec().getId();
        } catch (NotFoundException e) {
            throw new IOException("the toolchain container " + id + " is gone (removed by hand, or the engine "
                    + "restarted): " + e.getMessage(), e);
        }
        BoundedOutputStream stdout = new BoundedOutputStream(maxOutputBytes);
        BoundedOutputStream stderr = new BoundedOutputStream(maxOutputBytes);
        try (ResultCallback.Adapter<Frame> done = client.execStartCmd(execId).exec(new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                switch (frame.getStreamType()) {
                    case STDERR -> stderr.write(frame.getPayload(), 0, frame.getPayload().length);
                    default -> stdout.write(frame.getPayload(), 0, frame.getPayload().length);
                }
            }
        })) {
            if (!done.awaitCompletion(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("the Docker engine did not finish '" + String.join(" ", argv) + "' within "
                        + limit.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + String.join(" ", argv) + " in " + id);
        }
        InspectExecResponse finished = client.inspectExecCmd(execId).exec();
        Long exit = finished.getExitCodeLong();
        return new Exec(exit == null ? -1 : exit.intValue(), stdout.captured(), stderr.captured());
    }

    record Exec(int exitCode, CapturedOutput stdout, CapturedOutput stderr) {}

    private void remove() {
        beats.shutdownNow();
        try {
            Files.deleteIfExists(heartbeat);
        } catch (IOException e) {
            // The watchdog would then stop the container after STALE_AFTER; removing it below is quicker.
        }
        try {
            client.removeContainerCmd(id).withForce(true).exec();
        } catch (RuntimeException e) {
            // Already gone (auto-removed after the watchdog ended), or the engine is down: nothing to clean.
        }
    }

    @Override
    public void close() {
        remove();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // Closing during shutdown: the hook is running or done.
        }
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
