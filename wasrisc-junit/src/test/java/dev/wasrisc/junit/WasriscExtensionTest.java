package dev.wasrisc.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.cell.Pipeline;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs small test classes through the real Jupiter engine and checks what the extension did to them. */
class WasriscExtensionTest {

    @org.junit.jupiter.api.BeforeAll
    static void isolateFromTheOuterRun() {
        NestedRuns.clearOuterSettings();
    }

    @AfterEach
    void forgetOverrides() {
        System.clearProperty("wasrisc.tool.wasm2c");
        System.clearProperty("wasrisc.strict");
    }

    @Test
    void cellWithAMissingToolIsSkippedNamingToolAndInstallHint() {
        System.setProperty("wasrisc.tool.wasm2c", "/nonexistent/wasm2c");

        Events tests = run(HelloEverywhere.class);

        tests.assertStatistics(stats -> stats.succeeded(1).aborted(2).failed(0));
        tests.aborted().assertThatEvents().allSatisfy(event -> assertThat(event.getPayload(
                        org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .hasMessageContaining("skipped: pipeline wasm2c")
                .hasMessageContaining("wasm2c (not found; run platform/install-toolchain.sh, or: apt-get install wabt)"));
        tests.assertThatEvents().haveAtLeastOne(event(abortedWithReason(message(m -> m.contains("c/hello_world")))));
    }

    @Test
    void strictModeTurnsTheSkipIntoAFailureWhenGivenAsJUnitConfigurationParameters() {
        // Not system properties: the launcher's own parameters, as Surefire's configurationParameters give them.
        Events tests = EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(true)
                .configurationParameters(Map.of("wasrisc.tool.wasm2c", "/nonexistent/wasm2c", "wasrisc.strict", "true"))
                .selectors(selectClass(HelloEverywhere.class)).execute().testEvents();

        tests.assertStatistics(stats -> stats.succeeded(1).aborted(0).failed(2));
        tests.assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(m -> m.contains("wasm2c (not found")))));
    }

    @Test
    void displayNamesShowGuestPipelineAndLevel() {
        Events tests = run(HelloEverywhere.class);

        assertThat(tests.started().map(e -> e.getTestDescriptor().getDisplayName()).toList())
                .containsExactly("[1] c/hello_world · direct -O2", "[2] c/hello_world · wasm2c -O0",
                        "[3] c/hello_world · wasm2c -O2");
    }

    @Test
    void everyRunIsPublishedWithItsCount() {
        Events tests = run(HelloEverywhere.class);

        List<Map<String, String>> entries = tests.reportingEntryPublished()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .toList();
        assertThat(entries).hasSize(3).allSatisfy(entry -> {
            assertThat(entry).containsEntry("wasrisc.guest", "c/hello_world").containsEntry("wasrisc.target", "rv64im");
            assertThat(Long.parseLong(entry.get("wasrisc.instructions"))).isPositive();
        });
        assertThat(entries).extracting(e -> e.get("wasrisc.pipeline") + " -O" + e.get("wasrisc.optLevel"))
                .containsExactly("direct -O2", "wasm2c -O0", "wasm2c -O2");
    }

    @Test
    void guestsAttributeCrossesGuestsWithCells() {
        Events tests = run(TwoGuests.class);

        tests.assertStatistics(stats -> stats.succeeded(4).failed(0));
        assertThat(tests.started().map(e -> e.getTestDescriptor().getDisplayName()).toList())
                .containsExactly("[1] c/hello_world · direct -O1", "[2] c/hello_world · wasm2c -O1",
                        "[3] c/with_import · direct -O1", "[4] c/with_import · wasm2c -O1");
    }

    @Test
    void allGuestsCrossesEveryGuestFolderInNameOrderButTheHeavyOnes() {
        Events tests = run(EveryGuest.class);

        // go/stateless ("heavy": true) is left out: its cells take many minutes each.
        assertThat(tests.started().map(e -> e.getTestDescriptor().getDisplayName()).toList()).containsExactly(
                "[1] c/accelerators · direct -O2", "[2] c/fibonacci · direct -O2", "[3] c/hello_world · direct -O2",
                "[4] c/read_input · direct -O2", "[5] c/trap · direct -O2", "[6] c/with_import · direct -O2",
                "[7] go/accelerators · direct -O2", "[8] go/fibonacci · direct -O2",
                "[9] go/hello_world · direct -O2", "[10] go/memory_limit · direct -O2",
                "[11] go/read_input · direct -O2", "[12] go/sha256 · direct -O2", "[13] go/with_import · direct -O2",
                "[14] rust/accelerators · direct -O2", "[15] rust/fibonacci · direct -O2",
                "[16] rust/hello_world · direct -O2", "[17] rust/read_input · direct -O2",
                "[18] rust/sha256 · direct -O2", "[19] rust/with_import · direct -O2");
        tests.assertStatistics(stats -> stats.succeeded(19).failed(0));
    }

    @Test
    void languagesKeepOnlyGuestsInThoseLanguages() {
        Events tests = run(EveryRustGuest.class);

        assertThat(tests.started().map(e -> e.getTestDescriptor().getDisplayName()).toList()).containsExactly(
                "[1] rust/accelerators · direct -O2", "[2] rust/fibonacci · direct -O2",
                "[3] rust/hello_world · direct -O2", "[4] rust/read_input · direct -O2", "[5] rust/sha256 · direct -O2",
                "[6] rust/with_import · direct -O2");
    }

    @Test
    void fullMatrixTestsAreDisabledNamingTheSettingUnlessItIsFull() {
        Events byDefault = run(FullOnly.class);
        Events full = EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(true) // -D properties and junit-platform.properties, as Surefire
                .selectors(selectClass(FullOnly.class))
                .configurationParameter("wasrisc.matrix", "full").execute().testEvents();

        byDefault.assertStatistics(stats -> stats.skipped(1).started(1).succeeded(1));
        byDefault.assertThatEvents().haveExactly(1, event(
                skippedWithReason(
                        "part of the full matrix: run with -Dwasrisc.matrix=full")));
        full.assertStatistics(stats -> stats.skipped(0).started(2).succeeded(2));
    }

    @Test
    void repeatedPipelineSourcesAddUp() {
        Events tests = run(TwoSources.class);

        assertThat(tests.started().map(e -> e.getTestDescriptor().getDisplayName()).toList()).containsExactly(
                "[1] c/hello_world · direct -O1", "[2] c/with_import · wasm2c -O1");
    }

    @Test
    void guestsWithoutAGuestProgramParameterFailNamingTheMethod() {
        Events all = EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(true)
                .selectors(selectClass(GuestsButNoParameter.class)).execute().allEvents();

        all.assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(m -> m.contains(
                "@PipelineSource(guests = ...) on GuestsButNoParameter.onlyAPipeline passes each guest as a "
                        + "GuestProgram parameter")))));
    }

    @Test
    void guestOnAParameterOfAnotherTypeFailsNamingIt() {
        Events tests = run(GuestOnAString.class);

        tests.assertThatEvents().haveExactly(1, event(finishedWithFailure(message(
                "@Guest(\"c/hello_world\") goes on a GuestProgram parameter, but parameter 0 of wrongType is a String"))));
    }

    @Test
    void aMissingToolInBeforeAllSkipsTheClassNamingTheTool() {
        System.setProperty("wasrisc.tool.wasm2c", "/nonexistent/wasm2c");

        Events containers = EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(true)
                .selectors(selectClass(BuildsInBeforeAll.class)).execute().containerEvents();

        containers.assertThatEvents().haveExactly(1, event(abortedWithReason(message(m ->
                m.startsWith("skipped: pipeline wasm2c -O1") && m.contains("wasm2c (not found")))));
    }

    @Test
    void missingGuestFolderFailsWithThePath() {
        Events tests = run(MissingGuest.class);

        tests.assertThatEvents().haveAtLeastOne(event(finishedWithFailure(
                message(m -> m.contains("guest 'c/does_not_exist' not found: looked for the folder")
                        && m.contains("guests/c/does_not_exist")))));
    }

    @Test
    void referenceCheckPassesForTheSameModuleAndNamesBothOutputsOtherwise() {
        Events tests = run(AgainstTheReference.class);

        tests.assertStatistics(stats -> stats.succeeded(1).failed(1));
        tests.assertThatEvents().haveAtLeastOne(event(finishedWithFailure(message(m ->
                m.contains("c/hello_world via wasm2c -O1 (rv64im) printed")
                        && m.contains("\"Hello, world!\\n\"")
                        && m.contains("but the reference (Chicory) printed")
                        && m.contains("testfunc called with 1, 2")))));
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(true) // -D properties and junit-platform.properties, as Surefire
                .selectors(selectClass(testClass)).execute().testEvents();
    }

    static class HelloEverywhere {
        @ParameterizedTest
        @PipelineSource
        void prints(Pipeline pipeline, @Guest("c/hello_world") GuestProgram hello) {
            GuestRun run = hello.build(pipeline).run();
            assertThat(run.stdout()).isEqualTo("Hello, world!\n");
        }
    }

    static class TwoGuests {
        @ParameterizedTest
        @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = 1, guests = {"c/hello_world", "c/with_import"})
        void succeeds(Pipeline pipeline, GuestProgram guest) {
            assertThat(guest.build(pipeline).run().exitCode()).isZero();
        }
    }

    static class EveryGuest {
        @ParameterizedTest
        @PipelineSource(pipelines = "direct", optLevels = 2, guests = PipelineSource.ALL_GUESTS)
        void isTheFolderOfItsName(Pipeline pipeline, GuestProgram guest) {
            assertThat(guest.guest().dir()).isDirectory().endsWith(java.nio.file.Path.of(guest.name()));
        }
    }

    static class TwoSources {
        @ParameterizedTest
        @PipelineSource(cells = "direct-O1", guests = "c/hello_world")
        @PipelineSource(cells = "wasm2c-O1", guests = "c/with_import")
        void succeeds(Pipeline pipeline, GuestProgram guest) {}
    }

    static class GuestsButNoParameter {
        @ParameterizedTest
        @PipelineSource(cells = "direct-O1", guests = "c/hello_world")
        void onlyAPipeline(Pipeline pipeline) {}
    }

    @WasriscTest
    static class GuestOnAString {
        @Test
        void wrongType(@Guest("c/hello_world") String name) {}
    }

    @WasriscTest
    static class BuildsInBeforeAll {
        static GuestRun run;

        @org.junit.jupiter.api.BeforeAll
        static void build() {
            run = Wasrisc.from(dev.wasrisc.settings.Settings.of(java.util.Map.of("wasrisc.guests", "../guests"))
                            .orElse(dev.wasrisc.settings.Settings.systemProperties()))
                    .guest("c/hello_world").build(Pipeline.of("wasm2c", 1)).run();
        }

        @Test
        void printsHello() {}
    }

    static class EveryRustGuest {
        @ParameterizedTest
        @PipelineSource(pipelines = "direct", optLevels = 2, guests = PipelineSource.ALL_GUESTS, languages = "rust")
        void isARustGuest(Pipeline pipeline, GuestProgram guest) {
            assertThat(guest.guest().language().name()).isEqualTo("rust");
        }
    }

    static class FullOnly {
        @Test
        void always() {}

        @Test
        @FullMatrix
        void onlyInTheFullMatrix() {}
    }

    @WasriscTest
    static class AgainstTheReference {
        @Test
        void sameGuest(@Guest("c/hello_world") GuestProgram hello) {
            WasriscAssertions.assertThat(hello.build(Pipeline.of("wasm2c", 1)).run()).matchesReference();
        }

        @Test
        void anotherGuestsReference(@Guest("c/hello_world") GuestProgram hello) {
            GuestRun run = hello.build(Pipeline.of("wasm2c", 1)).run();
            WasriscAssertions.assertThat(run)
                    .matchesReference(WasriscExtension.currentSession().reference("c/with_import", List.of()));
        }
    }

    static class MissingGuest {
        @ParameterizedTest
        @PipelineSource(pipelines = "direct", optLevels = 0)
        void fails(Pipeline pipeline, @Guest("c/does_not_exist") GuestProgram guest) {
            guest.build(pipeline);
        }
    }
}
