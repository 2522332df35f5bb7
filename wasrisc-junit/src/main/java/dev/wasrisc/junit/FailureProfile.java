package dev.wasrisc.junit;

import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.profile.CallTree;
import dev.wasrisc.profile.Profile;
import dev.wasrisc.profile.ProfileDiff;
import dev.wasrisc.profile.ProfileFiles;
import dev.wasrisc.settings.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * Where the instructions went, attached to a failing budget or baseline, so that a CI failure says
 * more than a number: the run is profiled again (the count is the same; qemu is deterministic on
 * bare metal) and the message gains its top functions, or, against the cell a ratio budget compares
 * with, the functions that grew most; the flame graphs land in {@code wasrisc.profile.dir}.
 * {@code wasrisc.profile.onFailure=false} turns it off.
 */
final class FailureProfile {

    private static final int ROWS = 10;

    private FailureProfile() {}

    /** {@code failure} with the profile of {@code run} (and its difference to {@code comparison}, if any). */
    static AssertionError explain(Wasrisc session, Settings settings, String test, GuestRun run, GuestRun comparison,
            AssertionError failure) {
        if (!settings.get("wasrisc.profile.onFailure", "true").trim().equals("true")) {
            return failure;
        }
        StringBuilder message = new StringBuilder(failure.getMessage() == null ? "" : failure.getMessage());
        List<Path> files = new ArrayList<>();
        try {
            Profile profile = profiled(session, run);
            Optional<CallTree> tree = profile.callTree();
            if (tree.isEmpty()) {
                return failure; // a runner without call stacks (ZisK)
            }
            Path dir = Path.of(settings.get("wasrisc.profile.dir", "target/wasrisc-profiles")).toAbsolutePath();
            String name = (test + "-" + run.guest() + "-" + run.pipeline().id()).replaceAll("[^A-Za-z0-9._-]+", "_");
            files.addAll(ProfileFiles.write(dir, name, tree.get(), run.coordinates()));
            Profile base = comparison == null ? null : profiled(session, comparison);
            if (base != null && base.callTree().isPresent()) {
                ProfileDiff diff = ProfileDiff.of(base, profile);
                message.append(String.format("%nWhere the extra instructions went (profiled again), against %s:%n", comparison.pipeline().displayName()))
                        .append(diff.formatGrowth(ROWS, comparison.pipeline().displayName(), run.pipeline().displayName()));
                files.addAll(ProfileFiles.writeDifference(dir, name + "-vs-" + comparison.pipeline().id(),
                        base.callTree().get(), tree.get(), comparison.pipeline().displayName(),
                        run.pipeline().displayName(), run.coordinates() + " against " + comparison.pipeline().displayName()));
            } else {
                message.append(String.format("%nWhere the instructions went (profiled again):%n")).append(profile.format(ROWS));
            }
            message.append("Flame graphs and pprof: ");
            files.forEach(file -> message.append(System.lineSeparator()).append("  ").append(file));
        } catch (RuntimeException | java.io.IOException e) {
            message.append(String.format("%n(profiling the run to explain this failed: %s)", e.getMessage()));
        }
        AssertionFailedError explained = new AssertionFailedError(message.toString(), failure);
        explained.setStackTrace(failure.getStackTrace());
        return explained;
    }

    private static Profile profiled(Wasrisc session, GuestRun run) {
        if (run.profiled()) {
            return run.profile();
        }
        return session.guest(run.guest()).build(run.pipeline()).withInput(run.input())
                .profile(run.args().toArray(String[]::new)).profile();
    }
}
