package dev.wasrisc.cli;

import dev.wasrisc.profile.CallTree;
import dev.wasrisc.profile.FrameNames;
import dev.wasrisc.profile.Profile;
import dev.wasrisc.profile.ProfileDiff;
import dev.wasrisc.profile.ProfileFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code wasrisc profile-diff BASE.folded NEW.folded [--out DIR]}: the difference of two saved
 * profiles, such as a run before a change and the same run after it: the functions that grew most
 * and, with {@code --out}, the differential flame graph and table.
 */
final class ProfileDiffCommand {

    private final PrintStream out;

    ProfileDiffCommand(PrintStream out) {
        this.out = out;
    }

    int run(List<String> argv) {
        Args args = Args.parse(argv, Set.of("--out"), Set.of());
        if (args.positionals.size() != 2) {
            throw new Args.UsageException("profile-diff takes two folded-stack files (run --profile-out writes them): "
                    + "the base, then the one to compare");
        }
        Path basePath = Path.of(args.positionals.get(0));
        Path otherPath = Path.of(args.positionals.get(1));
        String baseName = label(basePath);
        String otherName = label(otherPath);
        try {
            CallTree base = read(basePath);
            CallTree other = read(otherPath);
            out.print(ProfileDiff.of(Profile.of(base), Profile.of(other)).formatGrowth(20, baseName, otherName));
            if (args.option("--out").isPresent()) {
                for (Path file : ProfileFiles.writeDifference(Path.of(args.option("--out").get()),
                        otherName + "-vs-" + baseName, base, other, baseName, otherName, otherName + " against " + baseName)) {
                    out.println("wrote " + file);
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compare " + basePath + " and " + otherPath + ": " + e.getMessage(), e);
        }
    }

    private static CallTree read(Path folded) throws IOException {
        List<String> lines = Files.readAllLines(folded).stream().filter(line -> !line.isBlank()).toList();
        for (String line : lines) {
            if (!line.matches(".* \\d+")) {
                throw new IOException(folded + " is not a folded-stack file (STACK COUNT per line): " + line);
            }
        }
        return CallTree.fromFolded(lines, FrameNames.symbolsOnly());
    }

    private static String label(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".folded") ? name.substring(0, name.length() - ".folded".length()) : name;
    }
}
