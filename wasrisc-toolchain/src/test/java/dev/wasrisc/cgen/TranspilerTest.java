package dev.wasrisc.cgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasrisc.build.BuildException;
import dev.wasrisc.build.ActionCache;
import dev.wasrisc.build.BuildCache;
import dev.wasrisc.build.BuildProgress;
import dev.wasrisc.exec.LocalExecutor;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.guest.BuildServices;
import dev.wasrisc.guest.Guest;
import dev.wasrisc.guest.GuestSettings;
import dev.wasrisc.language.Languages;
import dev.wasrisc.pipeline.Pipelines;
import dev.wasrisc.platform.Platform;
import dev.wasrisc.settings.Settings;
import dev.wasrisc.tool.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version check before the rewrites, through a build's context and a wasm2c that only says its version. */
class TranspilerTest {

    @TempDir
    Path dir;

    @Test
    void anotherWasm2cFailsTheBuildSayingWhichVersionTheRewritesWereWrittenFor() throws Exception {
        BuildContext context = context(wasm2cReporting("1.0.34"));

        assertThatThrownBy(() -> Transpiler.WASM2C.rewrite(context, "guest.c"))
                .isInstanceOf(BuildException.class)
                .hasMessageStartingWith("building c/hello_world with wasm2c fixed unchecked -O2 failed at stage "
                        + "'check the transpiler's version'")
                .hasMessageContaining("the cell's options fixed, unchecked rewrite wasm2c's C, and were written for "
                        + "wasm2c 1.0.32 (wasm2c version 1.0.32)")
                .hasMessageContaining(dir.resolve("wasm2c") + " is version 1.0.34")
                .hasMessageContaining("install Debian bookworm's wabt 1.0.32")
                .hasMessageContaining("add the version to Transpiler.WASM2C");
    }

    @Test
    void theSupportedWasm2cRewritesAndAMissFailsTheBuildAtTheRewrite() throws Exception {
        CRewrite rewrite = Transpiler.WASM2C.rewrite(context(wasm2cReporting("1.0.32")), "guest.c");

        assertThat(rewrite.replace("a MEMCHECK b", "checks", "MEMCHECK", "")).isEqualTo("a  b");
        assertThatThrownBy(() -> rewrite.replace("a b", "checks", "MEMCHECK", ""))
                .isInstanceOf(BuildException.class)
                .hasMessageStartingWith("building c/hello_world with wasm2c fixed unchecked -O2 failed at stage "
                        + "'rewrite generated C'\nwasm2c 1.0.32's guest.c has 0 of checks (pattern: MEMCHECK)");
    }

    private Path wasm2cReporting(String version) throws Exception {
        Path tool = dir.resolve("wasm2c");
        Files.writeString(tool, "#!/bin/sh\necho " + version + "\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tool;
    }

    private BuildContext context(Path wasm2c) {
        LocalExecutor executor = new LocalExecutor();
        Toolchain toolchain = new Toolchain(executor, Settings.of(Map.of("wasrisc.tool.wasm2c", wasm2c.toString())));
        BuildServices services = new BuildServices(toolchain, executor, new Platform(dir), Duration.ofSeconds(10),
                BuildProgress.silent(), new Semaphore(1), dir, new ActionCache(new BuildCache(dir.resolve("cache"))));
        Guest guest = new Guest("c/hello_world", dir,
                Languages.ALL.stream().filter(l -> l.name().equals("c")).findFirst().orElseThrow(),
                GuestSettings.DEFAULTS);
        var cell = Pipelines.parse("wasm2c-fixed-unchecked-O2");
        return new BuildContext(services, guest, cell, cell.toString(), true, dir, dir.resolve("guest.elf"), List.of());
    }
}
