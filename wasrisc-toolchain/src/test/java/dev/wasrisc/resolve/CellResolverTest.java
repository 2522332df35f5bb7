package dev.wasrisc.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.exec.LocalExecutor;
import dev.wasrisc.guest.Guest;
import dev.wasrisc.guest.GuestLocator;
import dev.wasrisc.guest.Language;
import dev.wasrisc.guest.NotApplicableException;
import dev.wasrisc.language.Languages;
import dev.wasrisc.settings.Settings;
import dev.wasrisc.tool.ToolMissingException;
import dev.wasrisc.tool.Toolchain;
import dev.wasrisc.tool.Tools;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which cells apply to which guests, and the words a refusal says it in. No tool is run. */
class CellResolverTest {

    private static final GuestLocator GUESTS = new GuestLocator(Path.of("src/test/resources/guests").toAbsolutePath(),
            Languages.DETECTION_ORDER);
    private static final Guest C = GUESTS.find("c/own_import");
    private static final Guest GO = GUESTS.find("go/replaces_testfunc");

    private static Language language(String name) {
        return Languages.ALL.stream().filter(language -> language.name().equals(name)).findFirst().orElseThrow();
    }

    private static Resolution.Refusal refused(Resolution resolution) {
        assertThat(resolution).isInstanceOf(Resolution.Refusal.class);
        return (Resolution.Refusal) resolution;
    }

    @Test
    void aGuestCallingTheAcceleratorsBuildsOnlyWherePlatformCLinksThem() {
        Guest accelerated = GUESTS.find("c/calls_accelerators");

        Resolution plan = CellResolver.plan(accelerated, Pipeline.parse("w2c2-O2"));
        assertThat(plan).isInstanceOf(Resolution.Plan.class);
        assertThat(((Resolution.Plan) plan).tools()).contains(Tools.CARGO_WEB, Tools.RUSTC_WEB, Tools.RUST_SRC);
        assertThat(((Resolution.Plan) CellResolver.plan(C, Pipeline.parse("w2c2-O2"))).tools())
                .doesNotContain(Tools.CARGO_WEB);
        assertThat(refused(CellResolver.plan(accelerated, Pipeline.parse("wasmtime-O2"))).reason())
                .isEqualTo("c/calls_accelerators calls the zkVM accelerators, which wasmtime does not serve");
        assertThat(refused(CellResolver.plan(accelerated, Pipeline.parse("wasm2c-zisk-O2"))).reason())
                .startsWith("c/calls_accelerators calls the zkVM accelerators, and ZisK cells do not link them yet");
    }

    @Test
    void aGoToolchainCellIsNoCellOfACGuest() {
        Resolution.Refusal refusal = refused(CellResolver.plan(C, Pipeline.parse("wasm2c-go1.25.6-O2")));

        assertThat(refusal.kind()).isEqualTo(Resolution.Kind.NOT_APPLICABLE);
        assertThat(refusal.outsideMatrix()).isTrue();
        assertThat(refusal.reason()).isEqualTo("a Go toolchain cell; c/own_import is not a Go guest");
        assertThat(refusal.exception()).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("cell wasm2c go1.25.6 -O2 names a Go toolchain, but c/own_import is a c guest");
        assertThat(CellResolver.plan(GO, Pipeline.parse("wasm2c-go1.25.6-O2"))).isInstanceOf(Resolution.Plan.class);
    }

    @Test
    void theGoToolchainIsAskedAboutBeforeTheMatrix() {
        Resolution.Refusal refusal = refused(CellResolver.plan(C, Pipeline.parse("w2c2-unchecked-go1.25.6-O2")));

        assertThat(refusal.kind()).isEqualTo(Resolution.Kind.NOT_APPLICABLE);
    }

    @Test
    void directHasNoSourcesOfAPrebuiltModule() {
        Resolution.Refusal refusal = refused(CellResolver.plan(language("wasm"), Pipeline.parse("direct-O2")));

        assertThat(refusal.kind()).isEqualTo(Resolution.Kind.NOT_APPLICABLE);
        assertThat(refusal.outsideMatrix()).isFalse();
        assertThat(refusal.reason()).isEqualTo("a prebuilt module (module.wasm) has no sources for direct to compile "
                + "natively");
        assertThat(refusal.exception()).isExactlyInstanceOf(NotApplicableException.class)
                .hasMessage("cell direct -O2 for wasm guests: " + refusal.reason());
        assertThat(CellResolver.plan(language("wasm"), Pipeline.parse("wasm2c-O2")))
                .isInstanceOf(Resolution.Plan.class);
    }

    @Test
    void aZiskCellOfALinuxTargetIsNotApplicable() {
        Resolution.Refusal refusal = refused(CellResolver.plan(GO, Pipeline.parse("direct-zisk-O2")));

        assertThat(refusal.kind()).isEqualTo(Resolution.Kind.NOT_APPLICABLE);
        assertThat(refusal.reason()).isEqualTo("direct makes a riscv64 Linux (rv64gc) binary for go guests, not a "
                + "bare-metal one ZisK's emulator could run");
        assertThat(refusal.exception()).isExactlyInstanceOf(NotApplicableException.class)
                .hasMessage("cell direct zisk -O2 for go/replaces_testfunc: " + refusal.reason());
    }

    @Test
    void aZiskCellOfABareMetalTargetRunsOnZisksEmulator() {
        Pipeline cell = Pipeline.parse("wasm2c-fixed-zisk-O2");
        Resolution.Plan plan = CellResolver.plan(C, cell).orThrow();

        assertThat(plan.backend().name()).isEqualTo("wasm2c");
        assertThat(plan.target()).isEqualTo(Target.ZISK);
        assertThat(plan.options()).containsExactlyInAnyOrder(CellOption.FIXED, CellOption.ZISK);
        assertThat(plan.tools()).endsWith(Tools.ZISKEMU)
                .containsExactlyElementsOf(CellResolver.tools(C.language(), cell));
        assertThat(CellResolver.plan(C, Pipeline.parse("wasm2c-O2")).orThrow().target()).isEqualTo(Target.RV64IM);
        assertThat(CellResolver.plan(GO, Pipeline.parse("direct-O2")).orThrow().target())
                .isEqualTo(Target.RISCV64_LINUX);
    }

    @Test
    void aCellTheMatrixDoesNotHaveIsAnInvalidOption() {
        Resolution.Refusal refusal = refused(CellResolver.plan(C, Pipeline.parse("w2c2-unchecked-O2")));

        assertThat(refusal.kind()).isEqualTo(Resolution.Kind.INVALID_OPTION);
        assertThat(refusal.reason()).startsWith("pipeline w2c2 has no option 'unchecked'");
        assertThat(refusal.exception()).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(refusal.reason());
        assertThat(refused(CellResolver.plan(C, Pipeline.parse("wasm3-O2"))).reason())
                .startsWith("unknown pipeline 'wasm3'");
        assertThatThrownBy(() -> CellResolver.plan(C, Pipeline.parse("wamr-zisk-O3")).orThrow())
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("wamr_xip");
    }

    @Test
    void aMissingToolIsNamedWithItsInstallHint() {
        Toolchain toolchain = new Toolchain(new LocalExecutor(),
                Settings.of(Map.of("wasrisc.tool.ziskemu", "/nonexistent/wasrisc/ziskemu")));
        Resolution.Refusal refusal = refused(new CellResolver(toolchain).resolve(C, Pipeline.parse("wasm2c-zisk-O2")));

        assertThat(refusal.kind()).isEqualTo(Resolution.Kind.TOOL_MISSING);
        assertThat(refusal.missing()).contains(Tools.ZISKEMU);
        assertThat(refusal.reason()).isEqualTo(ToolMissingException.describe(refusal.missing()))
                .contains("ziskemu (not found; " + Tools.ZISKEMU.installHint() + ")");
        assertThat(refusal.plan()).hasValueSatisfying(plan -> assertThat(plan.target()).isEqualTo(Target.ZISK));
        assertThat(refusal.exception()).isExactlyInstanceOf(ToolMissingException.class)
                .hasMessage("pipeline wasm2c zisk -O2 for c guest c/own_import needs " + refusal.reason());
    }

    @Test
    void aCellThatDoesNotApplyIsNotLookedForTools() {
        Toolchain toolchain = new Toolchain(new LocalExecutor(),
                Settings.of(Map.of("wasrisc.tool.ziskemu", "/nonexistent/wasrisc/ziskemu")));

        assertThat(refused(new CellResolver(toolchain).resolve(GO, Pipeline.parse("direct-zisk-O2"))).kind())
                .isEqualTo(Resolution.Kind.NOT_APPLICABLE);
    }
}
