package dev.wasrisc.run;

import dev.wasrisc.build.BuildCache;
import dev.wasrisc.build.Hashing;
import dev.wasrisc.exec.Command;
import dev.wasrisc.exec.CommandResult;
import dev.wasrisc.exec.Executor;
import dev.wasrisc.tool.Toolchain;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The QEMU instruction-counting plugin ({@code platform/qemu-plugin/insn_count.c}), compiled for
 * the host on first use and kept in the build cache, keyed by its source and the host compiler.
 */
public final class InstructionCounterPlugin {

    private static final String LIBRARY = "libinsn_count.so";

    private InstructionCounterPlugin() {}

    public static Path build(Path source, BuildCache cache, Toolchain toolchain, Executor executor) throws IOException {
        var cc = toolchain.require(Tools.HOST_CC);
        String key = "qemu-plugin-" + new Hashing()
                .add(Files.readAllBytes(source))
                .add(cc.version())
                .hex().substring(0, 32);
        BuildCache.Entry entry = cache.getOrBuild(key, dir -> {
            Command command = Command.of(cc.path(), "-O2", "-shared", "-fPIC", "-Wall", "-o", dir.resolve(LIBRARY), source)
                    .in(dir).timeout(Duration.ofMinutes(2)).build();
            CommandResult result = executor.execute(command);
            if (!result.succeeded()) {
                throw new IOException("building the QEMU plugin failed: " + command.commandLine() + "\n"
                        + result.outputTail(20));
            }
            Files.writeString(dir.resolve(BuildCache.COMPLETE_MARKER), "{\"artifact\":\"" + LIBRARY + "\"}\n");
        });
        return entry.dir().resolve(LIBRARY);
    }
}
