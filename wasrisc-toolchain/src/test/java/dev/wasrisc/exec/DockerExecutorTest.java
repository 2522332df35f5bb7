package dev.wasrisc.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.WasriscConfig;
import dev.wasrisc.build.BuildProgress;
import dev.wasrisc.cell.Pipeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ExecConfig;

/** How commands and mounts are formed for the toolchain image; a real container when Docker runs here. */
class DockerExecutorTest {

    @Test
    void guestRunBecomesTimeoutAndEmptyEnvironmentInsideTheContainer() {
        Command command = Command.of("/usr/bin/qemu-riscv64", "-seed", "1", "/cache/builds/x/guest.elf")
                .in(Path.of("/tmp/wasrisc-run-1"))
                .cleanEnvironment()
                .timeout(Duration.ofSeconds(2))
                .build();

        ExecConfig exec = DockerExecutor.execConfig(command);

        assertThat(exec.getCommand()).containsExactly("timeout", "--kill-after=5", "2.000", "env", "-i",
                "/usr/bin/qemu-riscv64", "-seed", "1", "/cache/builds/x/guest.elf");
        assertThat(exec.getWorkDir()).isEqualTo("/tmp/wasrisc-run-1");
        assertThat(exec.getEnvVars()).isEmpty();
    }

    @Test
    void standardInputIsAFileTheShellOpensInsideTheContainer() {
        Command command = Command.of("/usr/bin/qemu-riscv64", "/cache/builds/x/guest.elf")
                .in(Path.of("/tmp/wasrisc-run-2"))
                .stdin(Path.of("/tmp/wasrisc-run-2/stdin"))
                .timeout(Duration.ofSeconds(3))
                .build();

        assertThat(DockerExecutor.execConfig(command).getCommand()).containsExactly("timeout", "--kill-after=5",
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

        ExecConfig exec = DockerExecutor.execConfig(command);

        assertThat(exec.getCommand()).containsExactly("timeout", "--kill-after=5", "3600.000", "cargo", "rustc", "--release");
        assertThat(exec.getEnvVars()).containsExactly(java.util.Map.entry("RUSTC_BOOTSTRAP", "1"));
        assertThat(exec.getWorkDir()).isEqualTo("/work/guests/rust/hello_world");
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

    /** Needs Docker and the image: {@code docker build -t wasrisc/toolchain -f docker/Dockerfile .} */
    @Test
    void guestBuildsAndRunsInsideTheToolchainImage(@TempDir Path cache) {
        assumeTrue(dockerAvailable(), "Docker is not available here (no Docker engine answered), so the "
                + "toolchain image cannot run; the command and mount formation above is still tested");
        WasriscConfig config = WasriscConfig.fromSystemProperties().withCacheDir(cache);
        try (DockerExecutor docker = new DockerExecutor(
                System.getProperty("wasrisc.docker.image", DockerExecutor.DEFAULT_IMAGE),
                List.of(config.guestsDir(), config.platformDir(), cache, Path.of(System.getProperty("java.io.tmpdir"))))) {
            Wasrisc wasrisc = new Wasrisc(config, docker, BuildProgress.silent());

            GuestRun run = wasrisc.guest("c/hello_world").build(Pipeline.of("wasm2c", 2)).run();

            assertThat(run.stdout()).isEqualTo("Hello, world!\n");
            assertThat(run.instructions()).isPositive();
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
