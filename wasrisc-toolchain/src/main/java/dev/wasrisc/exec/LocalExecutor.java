package dev.wasrisc.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zeroturnaround.exec.InvalidExitValueException;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

/** Runs commands on this machine with zt-exec. */
public final class LocalExecutor implements Executor {

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
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        ProcessExecutor executor = new ProcessExecutor()
                .command(argv)
                .directory(command.workDir().toFile())
                .redirectOutput(stdout)
                .redirectError(stderr)
                .redirectInput(InputStream.nullInputStream())
                .timeout(command.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .destroyOnExit();
        if (!command.cleanEnvironment()) {
            executor.environment(command.environment());
        }
        long start = System.nanoTime();
        try {
            ProcessResult result = executor.execute();
            return new CommandResult(result.getExitValue(), stdout.toByteArray(), stderr.toByteArray(),
                    Duration.ofNanos(System.nanoTime() - start), false);
        } catch (TimeoutException e) {
            return new CommandResult(-1, stdout.toByteArray(), stderr.toByteArray(),
                    Duration.ofNanos(System.nanoTime() - start), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + command.commandLine());
        } catch (InvalidExitValueException e) {
            throw new IllegalStateException("zt-exec checked an exit value it was not asked to", e);
        }
    }
}
