package dev.wasrisc.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One external process to run: what an {@link Executor} needs and nothing about how it runs it, so
 * the same command can run locally or inside the toolchain image.
 *
 * @param argv the program and its arguments
 * @param workDir working directory
 * @param environment variables added to (or, with {@code cleanEnvironment}, making up) the environment
 * @param cleanEnvironment start from an empty environment, so a guest sees the same variables on
 *     every machine and its instruction count repeats
 * @param timeout the process is killed after this long
 * @param stdin a file the process reads as its standard input, or null for an empty one
 * @param maxOutputBytes bytes of stdout, and as many of stderr, kept at most (half from the start,
 *     half from the end): a process cannot fill the JVM's memory however much it writes
 */
public record Command(
        List<String> argv,
        Path workDir,
        Map<String, String> environment,
        boolean cleanEnvironment,
        Duration timeout,
        Path stdin,
        long maxOutputBytes) {

    /**
     * What {@code wasrisc.output.maxBytes} defaults to: 16 MiB of each stream, which keeps a {@code
     * run --json} stdout within the 20 million characters Jackson reads in one string by default.
     */
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 16L << 20;

    public Command {
        argv = List.copyOf(argv);
        Objects.requireNonNull(workDir, "workDir");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
        if (maxOutputBytes < 2) {
            throw new IllegalArgumentException("maxOutputBytes must be at least 2, was " + maxOutputBytes);
        }
    }

    public static Builder of(Object... argv) {
        Builder builder = new Builder();
        for (Object arg : argv) {
            builder.arg(arg);
        }
        return builder;
    }

    /**
     * The words to put before {@link #argv()} so the process reads {@link #stdin()}: a shell opens
     * the file as the process's standard input. A file, not a pipe fed by the JVM: a read from a
     * pipe returns whatever the pump has written so far, so a guest's reads (and its instruction
     * count) would depend on timing; a read from a file returns what was asked for.
     */
    public List<String> stdinPrefix() {
        return stdin == null ? List.of() : List.of("/bin/sh", "-c", "exec \"$@\" < \"$0\"", stdin.toString());
    }

    /** The command as a person would paste it into a shell. */
    public String commandLine() {
        StringBuilder line = new StringBuilder();
        for (String arg : argv) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(arg.matches("[A-Za-z0-9_./=:,+@%-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }

    /** Fluent construction in the style of zt-exec's ProcessExecutor. */
    public static final class Builder {
        private final List<String> argv = new ArrayList<>();
        private Path workDir;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private boolean cleanEnvironment;
        private Duration timeout = Duration.ofMinutes(30);
        private Path stdin;
        private long maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES;

        public Builder arg(Object arg) {
            argv.add(String.valueOf(arg));
            return this;
        }

        public Builder args(Iterable<?> args) {
            args.forEach(this::arg);
            return this;
        }

        public Builder in(Path dir) {
            this.workDir = dir;
            return this;
        }

        /** Sets the working directory unless the command already chose one. */
        public Builder inUnlessSet(Path dir) {
            if (workDir == null) {
                workDir = dir;
            }
            return this;
        }

        public Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public Builder cleanEnvironment() {
            this.cleanEnvironment = true;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** The process reads this file as its standard input (by default it reads end of file at once). */
        public Builder stdin(Path file) {
            this.stdin = file;
            return this;
        }

        /** Keep at most this many bytes of stdout and as many of stderr (see {@link Command#maxOutputBytes}). */
        public Builder maxOutputBytes(long bytes) {
            this.maxOutputBytes = bytes;
            return this;
        }

        public Command build() {
            return new Command(argv, workDir == null ? Path.of(".") : workDir, environment, cleanEnvironment, timeout,
                    stdin, maxOutputBytes);
        }
    }
}
