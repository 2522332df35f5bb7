package dev.wasrisc.junit;

import static dev.wasrisc.junit.WasriscAssertions.assertThat;
import static dev.wasrisc.junit.WasriscAssertions.assertThatThrownBy;

import dev.wasrisc.GuestRun;
import dev.wasrisc.Wasrisc;
import dev.wasrisc.cell.Pipeline;
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
