package dev.wasrisc.exec;

import dev.wasrisc.settings.Settings;
import java.nio.file.Path;
import java.util.List;

/** Chooses where commands run: {@code wasrisc.executor=local} (the default) or {@code docker}. */
public final class Executors {

    private Executors() {}

    /**
     * @param folders what a build or run reads and writes (guests, platform, build cache, temporary
     *     folder): the Docker executor mounts each at its own path
     */
    public static Executor from(Settings settings, List<Path> folders) {
        String kind = settings.get("wasrisc.executor", "local");
        return switch (kind) {
            case "local" -> new LocalExecutor();
            case "docker" -> docker(settings, folders);
            default -> throw new IllegalArgumentException("wasrisc.executor must be local or docker, was '" + kind + "'");
        };
    }

    private static Executor docker(Settings settings, List<Path> folders) {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, Executors.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("wasrisc.executor=docker runs the toolchain through Testcontainers, which "
                    + "is not on the class path: add the test dependency org.testcontainers:testcontainers "
                    + "(1.21 or later) to your project");
        }
        return new DockerExecutor(settings.get("wasrisc.docker.image", DockerExecutor.DEFAULT_IMAGE), folders);
    }
}
