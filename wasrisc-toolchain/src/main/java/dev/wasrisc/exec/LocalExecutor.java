package dev.wasrisc.exec;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands on this machine. Each output stream is drained by its own thread into a {@link
 * BoundedOutputStream}, so a process can write any amount without filling the JVM's memory or
 * blocking on a full pipe; a drain that fails ends the process and the run with an error instead of
 * leaving it to stall until its timeout.
 */
public final class LocalExecutor implements Executor {

    /** How long the drains may take after the process ended, for a pipe an orphaned child keeps open. */
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(10);

    @Override
    public CommandResult execute(Command command) throws IOException {
        // The shell that opens stdin comes first: it sets PWD, which env -i then clears again.
        List<String> argv = new ArrayList<>(command.stdinPrefix());
        if (command.cleanEnvironment()) {
            // ProcessBuilder can only add to the inherited environment; env(1) starts from nothing.
            argv.add("env");
            argv.add("-i");
            command.environment().forEach((name, value) -> argv.add(name + "=" + value));
        }
        argv.addAll(command.argv());
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(command.workDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (!command.cleanEnvironment()) {
            builder.environment().putAll(command.environment());
        }
        BoundedOutputStream stdout = new BoundedOutputStream(command.maxOutputBytes());
        BoundedOutputStream stderr = new BoundedOutputStream(command.maxOutputBytes());
        long start = System.nanoTime();
        Process process = builder.start();
        Thread onExit = new Thread(() -> destroy(process), "wasrisc-destroy-on-exit");
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            OutputDrain out = OutputDrain.start(process.getInputStream(), stdout, () -> destroy(process), "stdout");
            OutputDrain err = OutputDrain.start(process.getErrorStream(), stderr, () -> destroy(process), "stderr");
            boolean timedOut = !process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (timedOut) {
                destroy(process);
                process.waitFor();
            }
            if (!out.await(DRAIN_GRACE) | !err.await(DRAIN_GRACE)) {
                destroy(process);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            IOException failure = out.failure() != null ? out.failure() : err.failure();
            if (failure != null && !timedOut) { // a stream closed under a killed process is no failure
                throw new IOException("reading the output of '" + command.commandLine() + "' failed, so it was "
                        + "stopped: " + failure.getMessage(), failure);
            }
            return new CommandResult(timedOut ? -1 : process.exitValue(), stdout.captured(), stderr.captured(), took,
                    timedOut);
        } catch (InterruptedException e) {
            destroy(process);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + command.commandLine());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run: the process is being destroyed anyway.
            }
        }
    }

    /** The process and everything it started (a shell's child, qemu's), listed before the parent dies. */
    private static void destroy(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
