package dev.wasrisc.cgen;

import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The transpilers whose C the cell options rewrite, with the versions the rewrites were written
 * for: the one place to add a version, once each rewrite's pattern is checked against its C (the
 * unit tests of the rewriters hold the shapes). A rewrite that matches nothing fails by itself, but
 * another version could write the same text meaning something else, so any other version fails the
 * build before the first rewrite.
 */
public enum Transpiler {

    /** Debian bookworm's wabt package; {@code wasm2c --version} prints the release alone. */
    WASM2C("wasm2c", Tools.WASM2C, Map.of("1.0.32", "wasm2c 1.0.32"),
            "install Debian bookworm's wabt 1.0.32 (platform/install-toolchain.sh) or point -Dwasrisc.tool.wasm2c "
                    + "at its wasm2c"),

    /**
     * w2c2 has no version option, and its binary's hash changes with the compiler that built it;
     * w2c2_base.h, from the same source tree, is the same file in every build of a revision, so its
     * hash (as the toolchain takes it, {@code Hashing.sha256}) names the revision.
     */
    W2C2("w2c2", Tools.W2C2_BASE, Map.of("sha256:342306ca59f79c4f", "w2c2 2a31254"),
            "install w2c2 2a31254 with platform/install-wasm-tools.sh --w2c2 w2c2-2a31254.tar.gz (in "
                    + "../shared/third_party), or point -Dwasrisc.tool.w2c2 and -Dwasrisc.tool.w2c2-base at such "
                    + "a build");

    /** The cell options that rewrite a transpiler's C (a backend takes only those it implements). */
    private static final Set<CellOption> REWRITING = EnumSet.of(CellOption.FIXED, CellOption.UNCHECKED,
            CellOption.UNALIGNED, CellOption.THREADED);

    private final String name;
    private final Tool versionTool;
    private final Map<String, String> releases;
    private final String install;

    /**
     * @param versionTool the tool whose version, as the toolchain reports it, tells the release
     * @param releases each supported version, to the release it is, as messages name it
     */
    Transpiler(String name, Tool versionTool, Map<String, String> releases, String install) {
        this.name = name;
        this.versionTool = versionTool;
        this.releases = releases;
        this.install = install;
    }

    /** Whether the cell has options that rewrite its transpiler's C. */
    public static boolean rewrites(Pipeline cell) {
        return cell.options().stream().anyMatch(REWRITING::contains);
    }

    /**
     * The rewrites of this build's {@code file}, once the installed transpiler is a supported
     * version; a miss fails the build at stage {@code rewrite generated C}, and the counts go to
     * the build record through {@link BuildContext#noteRewrites}.
     */
    public CRewrite rewrite(BuildContext context, String file) {
        String version = context.toolVersion(versionTool);
        String release = releases.get(version);
        if (release == null) {
            String options = context.pipeline().options().stream().filter(REWRITING::contains).sorted()
                    .map(CellOption::word).collect(Collectors.joining(", "));
            throw context.failure("check the transpiler's version",
                    unsupported(version, context.tool(versionTool).toString(), options));
        }
        return new CRewrite(release, file, reason -> context.failure("rewrite generated C", reason));
    }

    /** Why another version cannot build the cell, and how to proceed. */
    private String unsupported(String version, String where, String options) {
        return "the cell's options " + options + " rewrite " + name + "'s C, and were written for "
                + String.join(", ", releases.values()) + " (" + versionTool.name() + " version "
                + String.join(", ", releases.keySet()) + "); " + where + " is version " + version + ". Either "
                + install + "; or build the cell without those options; or, to support this version, check each "
                + "rewrite against its C and add the version to " + getDeclaringClass().getSimpleName() + "."
                + name();
    }
}
