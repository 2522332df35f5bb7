package dev.wasrisc.run;

import dev.wasrisc.cell.Target;
import dev.wasrisc.guest.GuestInput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a built binary and counts what it executed: qemu-riscv64 with the counting plugin, ZisK's
 * emulator, or the next zkVM's. Each target has one emulator; the session picks it.
 */
public interface Emulator {

    /**
     * A binary to run and what it runs on.
     *
     * @param launchArgs arguments before the guest's own, for a runtime that loads the guest
     *     ({@code run entry/module.cwasm}); empty for native binaries
     * @param target what the binary is, which decides how it is counted
     * @param input what the guest reads on standard input
     * @param profile whether to record where the instructions go (ZisK: its cost report), which
     *     makes the run slower but leaves the count as it is
     */
    record Launch(Path elf, List<String> launchArgs, Target target, List<String> args, GuestInput input,
            Duration timeout, boolean profile) {
        public Launch {
            launchArgs = List.copyOf(launchArgs);
            args = List.copyOf(args);
        }
    }

    EmulatorRun run(Launch launch) throws IOException;
}
