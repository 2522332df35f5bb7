package dev.wasrisc.run;

import dev.wasrisc.exec.OutputSizes;
import dev.wasrisc.profile.Profile;
import java.time.Duration;
import java.util.List;

/**
 * What one run under an {@link Emulator} gave: the guest's outcome and the emulator's count.
 *
 * @param instructions what the emulator counts: RISC-V instructions under qemu, steps under ZisK;
 *     -1 when the emulator ended before it could report
 * @param threads guest threads seen (1 where the emulator runs no threads)
 * @param profile null unless the run was profiled and counted
 * @param cost ZisK's proving cost, for ZisK runs asked to profile; null otherwise
 * @param accelerators the zkVM accelerators the guest called, with what they cost; empty when it
 *     called none or the emulator cannot tell
 * @param written how much the guest wrote to stdout and stderr, of which {@code stdout} and {@code
 *     stderr} may keep only the ends
 */
public record EmulatorRun(int exitCode, String stdout, String stderr, long instructions, int threads,
        Duration wallTime, boolean timedOut, Profile profile, ZiskCost cost, List<AcceleratorUse> accelerators, OutputSizes written) {

    public EmulatorRun {
        accelerators = List.copyOf(accelerators);
    }
}
