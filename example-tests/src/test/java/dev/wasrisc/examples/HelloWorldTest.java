package dev.wasrisc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.GuestProgram;
import dev.wasrisc.GuestRun;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.junit.Guest;
import dev.wasrisc.junit.PipelineSource;
import dev.wasrisc.junit.WasriscTest;
import org.junit.jupiter.params.ParameterizedTest;

@WasriscTest
class HelloWorldTest {

    @ParameterizedTest
    @PipelineSource(pipelines = {"direct", "wasm2c"}, optLevels = {0, 2})
    void printsHello(Pipeline pipeline, @Guest("c/hello_world") GuestProgram hello) {
        GuestRun run = hello.build(pipeline).run();

        assertThat(run.succeeded()).isTrue();
        assertThat(run.stdout()).isEqualTo("Hello, world!\n");
        assertThat(run.stderr()).isEmpty();
        assertThat(run.target()).isEqualTo(Target.RV64IM);
        assertThat(run.threads()).isEqualTo(1);
    }
}
