package dev.wasrisc.run;

import dev.wasrisc.exec.OutputSizes;
import dev.wasrisc.profile.Profile;
import java.time.Duration;

/**
 * What one qemu-riscv64 run gave: the guest's outcome and the plugin's count.
 *
 * @param instructions -1 when the emulator ended before the plugin could report
 * @param profile null unless the run was profiled and counted
 * @param cost ZisK's proving cost, for ZisK runs asked to profile; null otherwise
 * @param written how much the guest wrote to stdout and stderr, of which {@code stdout} and {@code
 *     stderr} may keep only the ends
 */
public record QemuRun(int exitCode, String stdout, String stderr, long instructions, int threads, Duration wallTime,
        boolean timedOut, Profile profile, ZiskCost cost, OutputSizes written) {}
