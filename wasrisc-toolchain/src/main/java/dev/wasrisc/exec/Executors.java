package dev.wasrisc.exec;

import dev.wasrisc.WasriscConfig;
import dev.wasrisc.settings.Settings;
import java.nio.file.Path;
import java.util.List;

/** Chooses where commands run: {@code -Dwasrisc.executor=local} (the default) or {@code docker}. */
public final class Executors {

    private Executors() {}

    public static Executor fromSystemProperties(WasriscConfig config) {
        return from(config, Settings.systemProperties());
    }

    public static Executor from(WasriscConfig config, Settings settings) {
        String kind = settings.get("wasrisc.executor", "local");
        return switch (kind) {
            case "local" -> new LocalExecutor();
            case "docker" -> docker(config, settings);
            default -> throw new IllegalArgumentException("wasrisc.executor must be local or docker, was '" + kind + "'");
        };
    }

    private static Executor docker(WasriscConfig config, Settings settings) {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, Executors.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("wasrisc.executor=docker runs the toolchain through Testcontainers, which "
                    + "is not on the class path: add the test dependency org.testcontainers:testcontainers "
                    + "(1.21 or later) to your project");
        }
        return new DockerExecutor(settings.get("wasrisc.docker.image", DockerExecutor.DEFAULT_IMAGE),
                    List.of(config.guestsDir(), config.platformDir(), config.cacheDir(),
                            Path.of(System.getProperty("java.io.tmpdir"))));
    }
}
