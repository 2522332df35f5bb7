package dev.wasrisc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.profile.Profile;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plugin's profile mode through real builds and runs: totals and the attribution to functions. */
class ProfileTest {

    @TempDir
    static Path cache;

    @ParameterizedTest
    @ValueSource(strings = {"direct-O0", "direct-O2", "wasm2c-O0", "wasm2c-O2"})
    void profileSumsToThePlainCountAndFindsTheHotFunction(String cell) {
        GuestBinary binary = TestGuests.wasrisc(cache).guest("c/hot_function").build(Pipeline.parse(cell));

        GuestRun plain = binary.run();
        GuestRun profiled = binary.profile();

        assertThat(plain.profiled()).isFalse();
        assertThat(profiled.stdout()).isEqualTo(plain.stdout());
        Profile profile = profiled.profile();
        assertThat(profile.total()).isEqualTo(profiled.instructions()).isEqualTo(plain.instructions());
        assertThat(profile.functions().stream().mapToLong(Profile.FunctionCount::instructions).sum())
                .isEqualTo(plain.instructions());
        // 200,000 rounds of a multiply-add loop dwarf printf. The C source's noinline does not
        // reach the transpiled C, where gcc -O2 inlines w2c_spin_hot into the export's wrapper.
        assertThat(profile.top(1).get(0).share()).isGreaterThan(0.8);
        if (!cell.equals("wasm2c-O2")) {
            assertThat(profile.top(1).get(0).function()).contains("spin_hot");
        }
    }
}
