package dev.wasrisc.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.WasriscConfig;
import dev.wasrisc.build.BuildException;
import dev.wasrisc.build.BuildProgress;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The toolchain image for real: guests built and run in a container of it against the same guests
 * built and run on this machine. Needs a Docker engine and the image ({@code docker/start-engine.sh},
 * {@code docker/build-image.sh}; {@code .ci/run} does both); skipped with that reason otherwise,
 * within the ping's timeout.
 */
class DockerToolchainTest {

    @TempDir
    static Path dockerCache;

    private static final Path BAD_GUESTS = Path.of("src/test/resources/guests").toAbsolutePath();

    private static DockerEngine engine;
    private static String image;
    private static DockerExecutor docker;
    private static WasriscConfig config;

    @BeforeAll
    static void engineAndImage() {
        engine = DockerEngine.find().orElse(null);
        assumeTrue(engine != null, "no Docker engine answers here (docker/start-engine.sh starts one as root)");
        image = System.getProperty("wasrisc.docker.image", DockerExecutor.DEFAULT_IMAGE);
        assumeTrue(imageExists(image), "the image " + image + " is not built on " + engine.host()
                + " (docker/build-image.sh builds it)");
        config = WasriscConfig.fromSystemProperties();
        List<Path> mounts = new ArrayList<>(config.withCacheDir(dockerCache).folders());
        mounts.add(BAD_GUESTS);
        docker = new DockerExecutor(image, mounts);
    }

    @AfterAll
    static void removeContainer() {
        if (docker != null) {
            docker.close();
        }
    }

    private static boolean imageExists(String name) {
        return found(client -> client.inspectImageCmd(name).exec());
    }

    private static boolean containerExists(String id) {
        return found(client -> client.inspectContainerCmd(id).exec());
    }

    private static boolean found(java.util.function.Consumer<DockerClient> inspect) {
        try (DockerClient client = engine.client()) {
            inspect.accept(client);
            return true;
        } catch (NotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Wasrisc inDocker(WasriscConfig config) {
        return new Wasrisc(config.withCacheDir(dockerCache), docker, BuildProgress.silent());
    }

    private static Wasrisc onHost(WasriscConfig config) {
        return new Wasrisc(config, new LocalExecutor(), BuildProgress.silent());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "c/hello_world, direct-O2", "c/hello_world, wasm2c-O0", "c/hello_world, wasm2c-O2",
        "go/hello_world, direct-O2", "go/hello_world, wasm2c-O0",
        "rust/hello_world, direct-O2", "rust/hello_world, wasm2c-O2"})
    void guestGivesTheSameOutputAndBareMetalCountInTheContainerAsOnTheHost(String guest, String cell) {
        Pipeline pipeline = Pipeline.parse(cell);
        GuestRun host = onHost(config).guest(guest).build(pipeline).run();

        GuestRun container = inDocker(config).guest(guest).build(pipeline).run();

        System.out.printf("%s %s: host %,d instructions, container %,d (%s)%n", guest, pipeline, host.instructions(),
                container.instructions(), container.target().description());
        assertThat(container.exitCode()).isEqualTo(host.exitCode()).isZero();
        assertThat(container.stdout()).isEqualTo(host.stdout()).isNotEmpty();
        if (container.target() == Target.RV64IM) {
            assertThat(container.instructions()).isEqualTo(host.instructions());
        } else {
            assertThat(container.instructions()).isPositive();
        }
    }

    @Test
    void compilerErrorReadsAsItDoesOnTheHost() {
        WasriscConfig badGuests = config.withGuestsDir(BAD_GUESTS);
        BuildException host = buildError(() -> onHost(badGuests).guest("c/syntax_error").build(Pipeline.of("wasm2c", 2)));

        BuildException container = buildError(() -> inDocker(badGuests).guest("c/syntax_error")
                .build(Pipeline.of("wasm2c", 2)));

        assertThat(container.getMessage()).contains("building c/syntax_error with wasm2c -O2 failed at stage");
        assertThat(container.stage()).isEqualTo(host.stage());
        // The commands differ only in the build cache's folder and the build's own temporary folder.
        assertThat(sameFolders(container.commandLine(), dockerCache)).isEqualTo(sameFolders(host.commandLine(), config.cacheDir()));
        assertThat(container.outputTail()).isEqualTo(host.outputTail()).contains("this_is_not_declared");
    }

    private static String sameFolders(String commandLine, Path cache) {
        return commandLine.replace(cache.toString(), "CACHE").replaceAll("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", "UUID");
    }

    private static BuildException buildError(Supplier<?> build) {
        try {
            build.get();
        } catch (BuildException e) {
            return e;
        }
        throw new AssertionError("the build succeeded");
    }

    @Test
    void trapEndsTheRunAsItDoesOnTheHost() {
        Pipeline pipeline = Pipeline.of("wasm2c", 0);
        GuestRun host = onHost(config).guest("c/trap").build(pipeline).run();

        GuestRun container = inDocker(config).guest("c/trap").build(pipeline).run();

        assertThat(container.exitCode()).isEqualTo(host.exitCode()).isNotZero();
        assertThat(container.stdout()).isEqualTo(host.stdout()).isEqualTo("about to trap\n");
        assertThat(container.stderr()).isEqualTo(host.stderr()).contains("trap");
        assertThat(container.instructions()).isEqualTo(host.instructions());
    }

    @Test
    void missingImageIsReportedAtOnceAndNeverPulled() {
        String absent = "wasrisc/toolchain:absent-" + ProcessHandle.current().pid();
        long start = System.nanoTime();

        try (DockerExecutor missing = new DockerExecutor(absent, config.folders())) {
            assertThatThrownBy(() -> missing.execute(Command.of("true").build()))
                    .isInstanceOf(ExecutorUnavailableException.class)
                    .hasMessageContaining(absent).hasMessageContaining("is never pulled")
                    .hasMessageContaining("docker/build-image.sh");
        }

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(imageExists(absent)).isFalse();
    }

    @Test
    void twoJvmsShareTheImageAndTheBuildCacheEachInItsOwnContainer() throws Exception {
        Pipeline pipeline = Pipeline.of("wasm2c", 1);
        Process other = jvm("run", image, dockerCache.toString(), "c/fibonacci", pipeline.id());

        GuestRun here = inDocker(config).guest("c/fibonacci").build(pipeline).run();

        List<String> there = lines(other);
        assertThat(other.waitFor()).as("the other JVM's output: %s", there).isZero();
        assertThat(there).contains("instructions " + here.instructions());
        assertThat(there.get(0)).startsWith("container ").isNotEqualTo("container " + docker.containerId());
        assertThat(containerExists(there.get(0).substring("container ".length()))).isFalse();
    }

    @Test
    void containerOfAKilledJvmEndsItself() throws Exception {
        Process holder = jvm("hold", image, "3");
        String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertThat(line).as("the holding JVM's first line").startsWith("container ");
        String id = line.substring("container ".length());
        assertThat(containerExists(id)).isTrue();

        holder.destroyForcibly().waitFor();

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (containerExists(id) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(containerExists(id)).as("container %s 20 s after its JVM was killed", id).isFalse();
    }

    @Test
    void closingTheSessionRemovesItsContainerAtOnce() {
        DockerExecutor session = new DockerExecutor(image, config.folders());
        String id = session.containerId();
        assertThat(containerExists(id)).isTrue();

        session.close();

        assertThat(containerExists(id)).isFalse();
    }

    private static Process jvm(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path")));
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("wasrisc."))
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.add(DockerSessionMain.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static List<String> lines(Process process) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }
}
