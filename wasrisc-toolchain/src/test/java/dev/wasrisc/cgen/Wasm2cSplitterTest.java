package dev.wasrisc.cgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The split of a large file in wabt 1.0.32's layout; the parts are compiled by the host's C compiler. */
class Wasm2cSplitterTest {

    /** Enough functions to pass the threshold; every tenth one has its parameter list wrapped, as wasm2c writes long ones. */
    private static final int FUNCTIONS = 60_000;

    @Test
    void everyPartCompilesAndNoModuleFunctionStaysStatic(@TempDir Path dir) throws IOException, InterruptedException {
        Path source = dir.resolve("guest.c");
        Files.writeString(source, module());

        List<Path> files = Wasm2cSplitter.split(source, 2);

        assertThat(files).hasSize(3);
        for (Path file : files) {
            assertThat(Files.readAllLines(file)).noneMatch(line -> line.startsWith("static u32 w2c_"));
            assertCompiles(file);
        }
        assertThat(Files.readString(files.get(2))).contains("u32 w2c_f59990(u32 w2c_p0, u32 w2c_p1, \n    u32 w2c_p2) {");
    }

    private static String module() {
        StringBuilder c = new StringBuilder("typedef unsigned int u32;\ntypedef _Bool bool;\n#define false 0\n"
                + "static u32 add(u32 a, u32 b) { return a + b; }\n"
                + "static bool s_module_initialized = false;\nstatic u32 func_types[1];\n");
        for (int i = 0; i < FUNCTIONS; i++) {
            c.append("static u32 w2c_f").append(i).append(wrapped(i) ? "(u32, u32, u32);\n" : "(u32);\n");
        }
        for (int i = 0; i < FUNCTIONS; i++) {
            if (wrapped(i)) {
                c.append("static u32 w2c_f").append(i).append("(u32 w2c_p0, u32 w2c_p1, \n    u32 w2c_p2) {\n")
                        .append("  return add(w2c_p0, add(w2c_p1, w2c_p2));\n}\n\n");
            } else {
                int callee = (i + FUNCTIONS / 2) % FUNCTIONS; // in the other part
                callee += wrapped(callee) ? 1 : 0;
                c.append("static u32 w2c_f").append(i).append("(u32 w2c_p0) {\n")
                        .append("  return w2c_f").append(callee).append("(w2c_p0);\n}\n\n");
            }
        }
        c.append("u32 w2c_guest_main(void) {\n  return func_types[0] + w2c_f1(s_module_initialized);\n}\n");
        return c.toString();
    }

    private static boolean wrapped(int i) {
        return i % 10 == 0;
    }

    private static void assertCompiles(Path file) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "the host's gcc is not installed (apt-get install gcc)");
        Process gcc = new ProcessBuilder("/usr/bin/gcc", "-c", "-O0", "-w", file.toString(), "-o",
                file.resolveSibling(file.getFileName() + ".o").toString()).redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes());
        assertThat(gcc.waitFor()).as(file.getFileName() + ":\n" + output).isZero();
    }
}
