package dev.wasrisc.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/** wasrisc.shard splits a class's tests across machines: disjoint, complete, and stable as tests are added. */
class ShardConditionTest {

    @WasriscTest
    static class Cells {
        @ParameterizedTest
        @ValueSource(strings = {"c/fibonacci · direct -O2", "c/fibonacci · wasm2c -O2", "go/sha256 · direct -O2",
            "go/sha256 · wasm2c -O2", "go/sha256 · w2c2 -O2", "rust/sha256 · direct -O2", "rust/sha256 · wasm2c -O2",
            "rust/sha256 · wamr -O3", "c/hello_world · w2c2 -O2", "c/hello_world · wasm2c -O0"})
        void cell(String cell) {}

        @Test
        void plain() {}
    }

    @WasriscTest
    static class MoreCells {
        @ParameterizedTest
        @ValueSource(strings = {"a new cell first", "c/fibonacci · direct -O2", "c/fibonacci · wasm2c -O2",
            "go/sha256 · direct -O2", "go/sha256 · wasm2c -O2", "go/sha256 · w2c2 -O2", "rust/sha256 · direct -O2",
            "rust/sha256 · wasm2c -O2", "rust/sha256 · wamr -O3", "c/hello_world · w2c2 -O2", "c/hello_world · wasm2c -O0"})
        void cell(String cell) {}
    }

    private static List<String> ran(Class<?> tests, String shard) {
        var kit = EngineTestKit.engine("junit-jupiter").selectors(selectClass(tests));
        if (shard != null) {
            kit.configurationParameter("wasrisc.shard", shard);
        }
        return kit.execute().testEvents().started()
                .map(e -> e.getTestDescriptor().getDisplayName().replaceFirst("^\\[\\d+\\] ", "")).toList();
    }

    @Test
    void threeShardsRunEveryTestExactlyOnce() {
        List<String> all = ran(Cells.class, null);
        List<String> one = ran(Cells.class, "1/3");
        List<String> two = ran(Cells.class, "2/3");
        List<String> three = ran(Cells.class, "3/3");

        assertThat(all).hasSize(11);
        assertThat(one).isNotEmpty();
        Set<String> union = new HashSet<>(one);
        union.addAll(two);
        union.addAll(three);
        assertThat(one.size() + two.size() + three.size()).isEqualTo(all.size());
        assertThat(union).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void aTestKeepsItsShardWhenOthersAreAddedBeforeIt() {
        List<String> before = ran(Cells.class, "2/3").stream().filter(name -> name.contains(" · ")).toList();
        List<String> after = ran(MoreCells.class, "2/3").stream().filter(name -> !name.equals("a new cell first")).toList();

        // The classes differ, so compare by what each shard holds of the same cell names' hashes.
        assertThat(before).isNotEmpty();
        assertThat(before).allSatisfy(cell -> assertThat(dev.wasrisc.cell.Shard.of(Cells.class.getName() + "#cell " + cell, 3))
                .isEqualTo(2));
        assertThat(after).allSatisfy(cell -> assertThat(dev.wasrisc.cell.Shard.of(MoreCells.class.getName() + "#cell " + cell, 3))
                .isEqualTo(2));
    }
}
