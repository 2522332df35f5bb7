package dev.wasrisc.run;

import dev.wasrisc.profile.Profile;
import java.time.Duration;

/**
 * What one qemu-riscv64 run gave: the guest's outcome and the plugin's count.
 *
 * @param instructions -1 when the emulator ended before the plugin could report
 * @param profile null unless the run was profiled and counted
 */
public record QemuRun(int exitCode, String stdout, String stderr, long instructions, int threads, Duration wallTime,
        boolean timedOut, Profile profile) {}
