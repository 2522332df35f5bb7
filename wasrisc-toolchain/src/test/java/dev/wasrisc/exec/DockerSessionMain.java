package dev.wasrisc.exec;

import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.WasriscConfig;
import dev.wasrisc.build.BuildProgress;
import dev.wasrisc.cell.Pipeline;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A second test JVM for {@link DockerToolchainTest}:
 *
 * <pre>
 *   run IMAGE CACHE GUEST CELL   builds and runs a guest in its own container, prints the count
 *   hold IMAGE STALE_SECONDS     starts a container, prints its id, and waits to be killed
 * </pre>
 */
public final class DockerSessionMain {

    private DockerSessionMain() {}

    public static void main(String[] args) throws Exception {
        WasriscConfig config = WasriscConfig.fromSystemProperties();
        switch (args[0]) {
            case "run" -> {
                config = config.withCacheDir(Path.of(args[2]));
                try (DockerExecutor docker = new DockerExecutor(args[1], config.folders())) {
                    GuestRun run = new Wasrisc(config, docker, BuildProgress.silent()).guest(args[3])
                            .build(Pipeline.parse(args[4])).run();
                    System.out.println("container " + docker.containerId());
                    System.out.println("instructions " + run.instructions());
                    System.out.print(run.stdout());
                }
            }
            case "hold" -> {
                DockerExecutor docker = new DockerExecutor(args[1], config.folders(),
                        Duration.ofSeconds(Long.parseLong(args[2])));
                System.out.println("container " + docker.containerId());
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            default -> throw new IllegalArgumentException("run or hold, not " + args[0]);
        }
    }
}
