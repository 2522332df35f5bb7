package dev.wasrisc.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.WasriscConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How commands and mounts are formed for the toolchain image; {@link DockerToolchainTest} runs them for real. */
class DockerExecutorTest {

    @Test
    void guestRunBecomesTimeoutAndEmptyEnvironmentInsideTheContainer() {
        Command command = Command.of("/usr/bin/qemu-riscv64", "-seed", "1", "/cache/builds/x/guest.elf")
                .in(Path.of("/tmp/wasrisc-run-1"))
                .cleanEnvironment()
                .timeout(Duration.ofSeconds(2))
                .build();

        assertThat(DockerExecutor.containerArgv(command)).containsExactly("/usr/bin/timeout", "--kill-after=5", "2.000", "/usr/bin/env",
                "-i", "/usr/bin/qemu-riscv64", "-seed", "1", "/cache/builds/x/guest.elf");
        assertThat(DockerExecutor.execEnvironment(command)).isEmpty();
    }

    @Test
    void standardInputIsAFileTheShellOpensInsideTheContainer() {
        Command command = Command.of("/usr/bin/qemu-riscv64", "/cache/builds/x/guest.elf")
                .in(Path.of("/tmp/wasrisc-run-2"))
                .stdin(Path.of("/tmp/wasrisc-run-2/stdin"))
                .timeout(Duration.ofSeconds(3))
                .build();

        assertThat(DockerExecutor.containerArgv(command)).containsExactly("/usr/bin/timeout", "--kill-after=5",
                "3.000", "/bin/sh", "-c", "exec \"$@\" < \"$0\"", "/tmp/wasrisc-run-2/stdin", "/usr/bin/qemu-riscv64",
                "/cache/builds/x/guest.elf");
    }

    @Test
    void buildStepKeepsItsEnvironmentAsExecVariables() {
        Command command = Command.of("cargo", "rustc", "--release")
                .in(Path.of("/work/guests/rust/hello_world"))
                .env("RUSTC_BOOTSTRAP", "1")
                .timeout(Duration.ofMinutes(60))
                .build();

        assertThat(DockerExecutor.containerArgv(command)).containsExactly("/usr/bin/timeout", "--kill-after=5", "3600.000",
                "cargo", "rustc", "--release");
        assertThat(DockerExecutor.execEnvironment(command)).containsExactly(java.util.Map.entry("RUSTC_BOOTSTRAP", "1"));
    }

    @Test
    void foldersAreMountedOnceAtTheirOwnPathsWithoutNestedDuplicates() {
        List<Path> mounts = DockerExecutor.mounts(List.of(Path.of("/work/main/guests"), Path.of("/work/main/platform"),
                Path.of("/root/.cache/wasrisc"), Path.of("/work/main/guests/c"), Path.of("/tmp"), Path.of("/tmp/")));

        assertThat(mounts).containsExactly(Path.of("/work/main/guests"), Path.of("/work/main/platform"),
                Path.of("/root/.cache/wasrisc"), Path.of("/tmp"));
    }

    @Test
    void executorIsChosenByProperty() {
        WasriscConfig config = WasriscConfig.fromSystemProperties();
        try {
            System.setProperty("wasrisc.executor", "docker");
            // Each folder is mounted itself or through a folder above it (a clone under /tmp, say).
            assertThat(Executors.from(dev.wasrisc.settings.Settings.systemProperties(), config.folders())).isInstanceOfSatisfying(DockerExecutor.class,
                    docker -> assertThat(List.of(config.cacheDir(), config.guestsDir(), config.platformDir()))
                            .allSatisfy(folder -> assertThat(docker.mounts()).anySatisfy(
                                    mount -> assertThat(folder.startsWith(mount)).isTrue())));
            System.setProperty("wasrisc.executor", "local");
            assertThat(Executors.from(dev.wasrisc.settings.Settings.systemProperties(), config.folders())).isInstanceOf(LocalExecutor.class);
        } finally {
            System.clearProperty("wasrisc.executor");
        }
    }
}
