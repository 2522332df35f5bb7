package dev.wasrisc.guest;

import dev.wasrisc.build.ActionCache;
import dev.wasrisc.build.BuildProgress;
import dev.wasrisc.exec.Executor;
import dev.wasrisc.platform.Platform;
import dev.wasrisc.tool.Toolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/**
 * What every build of a session shares: tools, where commands run, the platform, limits, and the
 * slots that bound compiler processes across all builds however they are nested.
 *
 * @param sharedRoot the folder for state that outlives builds (cargo's target folders)
 * @param actions where expensive steps are looked up before they run
 */
public record BuildServices(Toolchain toolchain, Executor executor, Platform platform, Duration stepTimeout,
        BuildProgress progress, Semaphore processSlots, Path sharedRoot, ActionCache actions) {}
