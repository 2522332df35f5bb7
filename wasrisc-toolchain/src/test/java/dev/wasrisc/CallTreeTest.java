package dev.wasrisc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.profile.CallTree;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plugin's call-graph mode on a guest whose call tree is known. */
class CallTreeTest {

    @TempDir
    static Path cache;

    private static final Set<String> GUEST_FUNCTIONS = Set.of("main", "outer", "inner", "countdown");

    @ParameterizedTest
    @ValueSource(strings = {"direct-O0", "direct-O2", "wasm2c-O0", "w2c2-O0"})
    void theKnownCallTreeComesOutExactly(String cell) {
        GuestBinary binary = TestGuests.wasrisc(cache).guest("c/call_tree").build(Pipeline.parse(cell));

        GuestRun plain = binary.run();
        GuestRun profiled = binary.profile();

        assertThat(profiled.stdout()).isEqualTo(plain.stdout()).startsWith("4 ");
        CallTree tree = profiled.profile().callTree().orElseThrow();
        assertThat(tree.total()).isEqualTo(plain.instructions());
        assertThat(tree.folded().stream().mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).sum())
                .isEqualTo(plain.instructions());
        assertThat(guestStacks(tree)).as("folded stacks:%n%s", String.join("\n", tree.folded())).containsExactly(
                "main",
                "main;countdown",
                "main;countdown;countdown",
                "main;countdown;countdown;countdown",
                "main;countdown;countdown;countdown;countdown",
                "main;countdown;countdown;countdown;countdown;countdown",
                "main;outer",
                "main;outer;inner");
        // inner's loop runs 3 × 1000 times: most of outer's inclusive count, none of its own.
        assertThat(inclusive(tree, "inner")).isGreaterThan(3000);
        assertThat(inclusive(tree, "outer")).isGreaterThan(inclusive(tree, "inner"));
        assertThat(inclusive(tree, "countdown"))
                .isEqualTo(tree.frames().stream().filter(f -> f.name().equals("countdown")
                        && !f.parent().name().equals("countdown")).mapToLong(CallTree.Frame::total).sum());
    }

    /** The stacks from {@code main} down that consist of the guest's own functions only. */
    private static Set<String> guestStacks(CallTree tree) {
        Set<String> stacks = new TreeSet<>();
        for (CallTree.Frame frame : tree.frames()) {
            Deque<String> names = new ArrayDeque<>();
            for (CallTree.Frame f = frame; f.parent() != null; f = f.parent()) {
                names.addFirst(sourceName(f.name()));
                if (names.peekFirst().equals("main")) {
                    break;
                }
            }
            if ("main".equals(names.peekFirst()) && GUEST_FUNCTIONS.containsAll(names)) {
                stacks.add(String.join(";", names));
            }
        }
        return stacks;
    }

    private static long inclusive(CallTree tree, String function) {
        return tree.inclusiveByFunction().entrySet().stream().filter(e -> sourceName(e.getKey()).equals(function))
                .mapToLong(java.util.Map.Entry::getValue).sum();
    }

    /** gcc's clones are the function; wasi-libc calls C's main {@code __original_main}. */
    private static String sourceName(String frame) {
        String name = frame.replaceFirst("\\.(constprop|isra|part)\\.\\d+$", "");
        return name.equals("__original_main") ? "main" : name;
    }
}
