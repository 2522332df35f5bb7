package dev.wasrisc.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import dev.wasrisc.tool.ToolMissingException;
import dev.wasrisc.tool.Toolchain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles and links with the real bare-metal gcc through the action cache, as a transpiling cell
 * does: what a generator writes is the unit's text, so a change to it (a helper that now writes
 * different C) recompiles that unit and links again, and nothing else.
 */
class CompileActionTest {

    @TempDir
    Path dir;

    private BuildServices services;
    private Guest guest;

    @BeforeEach
    void setUp() throws IOException {
        LocalExecutor executor = new LocalExecutor();
        Toolchain toolchain = new Toolchain(executor, Settings.of(Map.of()));
        var missing = toolchain.missing(BareMetalGcc.TOOLS);
        assumeTrue(missing.isEmpty(), () -> ToolMissingException.describe(missing));
        Path cache = Files.createDirectories(dir.resolve("cache"));
        services = new BuildServices(toolchain, executor, new Platform(Path.of("../platform").toAbsolutePath().normalize()),
                Duration.ofMinutes(2), BuildProgress.silent(), new Semaphore(2), cache.resolve("shared"),
                new ActionCache(new BuildCache(cache, null, message -> {})));
        Path guestDir = Files.createDirectories(dir.resolve("guest"));
        guest = new Guest("c/generated", guestDir,
                Languages.ALL.stream().filter(l -> l.name().equals("c")).findFirst().orElseThrow(), GuestSettings.DEFAULTS);
    }

    @Test
    void onlyTheUnitWhoseTextChangedIsCompiledAgain() throws IOException {
        BuildContext first = build("first", "return 1;");
        BuildContext second = build("second", "return 1;");
        BuildContext third = build("third", "return 2;");

        assertThat(first.actions().get("ran")).containsEntry("compile generated C", 2L).containsEntry("link", 1L);
        assertThat(second.actions()).doesNotContainKey("ran");
        assertThat(Files.readAllBytes(elf("second"))).isEqualTo(Files.readAllBytes(elf("first")));
        assertThat(third.actions().get("ran")).containsOnlyKeys("compile generated C", "link")
                .containsEntry("compile generated C", 1L);
        assertThat(third.actions().get("cached")).containsEntry("compile generated C", 1L);
        assertThat(Files.readAllBytes(elf("third"))).isNotEqualTo(Files.readAllBytes(elf("first")));
    }

    /** Builds in a folder of its own, as each cell's build does, from C "generated" into it. */
    private BuildContext build(String name, String body) throws IOException {
        Path work = Files.createDirectories(dir.resolve(name).resolve("work"));
        Path generated = Files.writeString(work.resolve("generated.c"), "int generated(void) { " + body + " }\n");
        Path main = Files.writeString(work.resolve("main.c"), "int generated(void);\nint main(void) { return generated(); }\n");
        BuildContext context = new BuildContext(services, guest, Pipelines.parse("direct-O2"), name, true, work,
                elf(name), BareMetalGcc.TOOLS);
        BareMetalGcc.link(context, List.of(
                BareMetalGcc.compile(context, "compile generated C", generated, List.of()),
                BareMetalGcc.compile(context, "compile generated C", main, List.of())));
        return context;
    }

    private Path elf(String name) {
        return dir.resolve(name).resolve("guest.elf");
    }
}
