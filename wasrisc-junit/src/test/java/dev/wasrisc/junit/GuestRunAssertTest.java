package dev.wasrisc.junit;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;
import static dev.wasrisc.junit.WasriscAssertions.assertThatThrownBy;

import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.exec.OutputSizes;
import dev.wasrisc.settings.Settings;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One static import gives WASRISC's and AssertJ's assertions; navigation asserts name the run. */
class GuestRunAssertTest {

    private static GuestRun hello;

    @BeforeAll
    static void runHello() {
        Wasrisc wasrisc = Wasrisc.from(Settings.of(Map.of("wasrisc.guests", "../guests")).orElse(Settings.systemProperties()));
        hello = wasrisc.guest("c/hello_world").build(Pipeline.of("direct", 2)).run();
    }

    @Test
    void navigationAssertsAreAssertJsOwnDescribedByTheRun() {
        assertThat(hello).stdout().startsWith("Hello").endsWith("\n");
        assertThat(hello).instructions().isPositive();

        assertThatThrownBy(() -> assertThat(hello).stdout().isEqualTo("Goodbye\n"))
                .hasMessageContaining("[stdout of c/hello_world via direct -O2 (rv64im)]");
        assertThatThrownBy(() -> assertThat(hello).instructions().isLessThan(10L))
                .hasMessageContaining("[instructions of c/hello_world via direct -O2 (rv64im)]");
    }

    @Test
    void aTruncatedStdoutIsNeverComparedAsIfItWereWhole() {
        GuestRun chatty = new GuestRun(hello.guest(), hello.language(), hello.pipeline(), hello.target(), hello.args(),
                hello.input(), 0, hello.stdout(), "", hello.instructions(), 1, hello.wallTime(), false,
                hello.binaryBytes(), hello.buildTime(), hello.code(), null, null, null,
                new OutputSizes(4_300_000_000L, 0, 16 << 20));
        String note = "its stdout cannot be compared: stdout truncated: 4.3 GB written, first and last 8.0 MiB kept";

        assertThatThrownBy(() -> assertThat(chatty).printed(hello.stdout())).hasMessageContaining(note);
        assertThatThrownBy(() -> assertThat(chatty).stdout().startsWith("Hello")).hasMessageContaining(note);
        assertThatThrownBy(() -> assertThat(hello).behavesLike(chatty)).hasMessageContaining(note);
        assertThat(chatty).succeeded();
        assertThat(chatty.summary()).contains("; stdout truncated: 4.3 GB written");
    }

    @Test
    void customAssertionsChainThroughSelf() {
        class MyRunAssert extends AbstractGuestRunAssert<MyRunAssert> {
            MyRunAssert(GuestRun run) {
                super(run, MyRunAssert.class);
            }

            MyRunAssert greets() {
                stdout().contains("Hello");
                return myself;
            }
        }

        // succeeded() returns MyRunAssert, so the project's own assertion chains after it.
        new MyRunAssert(hello).succeeded().greets().usedAtMostInstructions(1_000_000);
    }
}
