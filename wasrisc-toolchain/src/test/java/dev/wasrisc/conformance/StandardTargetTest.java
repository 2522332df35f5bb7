package dev.wasrisc.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standard-target check on ELFs linked here by the real riscv64 gcc, conforming and not. */
class StandardTargetTest {

    private static final Path PLATFORM = Path.of("../platform").toAbsolutePath().normalize();
    private static final String GCC = "riscv64-unknown-elf-gcc";
    private static final String OBJDUMP = "riscv64-unknown-elf-objdump";

    @TempDir
    Path dir;

    @Test
    void aProgramLinkedWithTheStandardPlatformConforms() throws Exception {
        Path elf = linkStandard("int main(void) { return 0; }\n");
        assertThat(StandardTarget.violations(elf, disassemble(elf))).isEmpty();
    }

    @Test
    void anAtomicInstructionIsOutsideRv64im() throws Exception {
        Path elf = linkStandard("""
                long counter;
                int main(void) {
                    long old;
                    __asm__ volatile(".option push\\n.option arch, +a\\namoadd.w %0, %1, (%2)\\n.option pop"
                            : "=r"(old) : "r"(1L), "r"(&counter) : "memory");
                    return (int)old;
                }
                """);
        assertThat(StandardTarget.violations(elf, disassemble(elf)))
                .singleElement().asString()
                .startsWith("instruction outside RV64IM: amoadd.w (A (atomics)), 1x, first at 0x")
                .endsWith(" in __wasrisc_program_main");
    }

    @Test
    void theRv64imPlatformsLayoutMixesCodeWithReadOnlyDataAndLacksTheContract() throws Exception {
        Path elf = link(List.of("-T", PLATFORM.resolve("rv64im/link.ld").toString()), false,
                "int main(void) { return 0; }\n", PLATFORM.resolve("rv64im/crt0.S"),
                PLATFORM.resolve("rv64im/syscalls.c"));
        List<String> violations = StandardTarget.violations(elf, disassemble(elf));
        assertThat(violations).anyMatch(v -> v.matches("code shares segment 0 at 0x10000 with data: section "
                + "\\.rodata \\(read-only\\)"));
        assertThat(violations).contains("the required symbol read_input is missing",
                "the required symbol write_output is missing", "the required symbol _heap_start is missing");
        assertThat(violations).noneMatch(v -> v.startsWith("instruction outside"));
    }

    @Test
    void aStartThatDoesNotCallMainIsReported() throws Exception {
        Path start = dir.resolve("start.S");
        Files.writeString(start, """
                    .section .text.init, "ax", @progbits
                    .globl _start
                _start:
                    li a0, 0
                    tail zkvm_qemu_halt
                """);
        // Nothing calls main here, so the link keeps it by name.
        Path elf = link(List.of("-T", PLATFORM.resolve("zkvm_standard/qemu/link.ld").toString(), "-Wl,-u,main"), true,
                "int main(void) { return 0; }\n", start, PLATFORM.resolve("zkvm_standard/qemu/executor.c"),
                PLATFORM.resolve("zkvm_standard/syscalls.c"));
        assertThat(StandardTarget.violations(elf, disassemble(elf))).containsExactly("_start does not call main");
    }

    @Test
    void extensionsAreNamed() {
        assertThat(StandardTarget.extensionOf("c.addi")).isEqualTo("C (compressed)");
        assertThat(StandardTarget.extensionOf("lr.d")).isEqualTo("A (atomics)");
        assertThat(StandardTarget.extensionOf("csrrw")).isEqualTo("Zicsr");
        assertThat(StandardTarget.extensionOf("fence.i")).isEqualTo("Zifencei");
        assertThat(StandardTarget.extensionOf("fadd.d")).isEqualTo("F/D (floating point)");
    }

    private Path linkStandard(String program) throws Exception {
        Path qemu = PLATFORM.resolve("zkvm_standard/qemu");
        return link(List.of("-T", qemu.resolve("link.ld").toString()), true, program, qemu.resolve("start.S"),
                qemu.resolve("executor.c"), PLATFORM.resolve("zkvm_standard/syscalls.c"));
    }

    /** The program (its main renamed, as zkvm cells compile it, when renameMain) linked with platform sources. */
    private Path link(List<String> linkFlags, boolean renameMain, String program, Path... platformSources) throws Exception {
        assumeTrue(onPath(GCC) && onPath(OBJDUMP), GCC + " and " + OBJDUMP + " are not installed");
        Path source = dir.resolve("program.c");
        Files.writeString(source, program);
        List<String> flags = List.of("-march=rv64im", "-mabi=lp64", "-mcmodel=medany", "--specs=picolibc.specs",
                "-O2", "-ffunction-sections", "-fdata-sections", "-I" + PLATFORM.resolve("include"));
        List<String> objects = new ArrayList<>();
        int i = 0;
        List<Path> sources = new ArrayList<>(List.of(platformSources));
        sources.add(0, source);
        for (Path unit : sources) {
            Path object = dir.resolve("unit" + i++ + ".o");
            List<String> compile = new ArrayList<>(List.of(GCC));
            compile.addAll(flags);
            if (renameMain && unit.equals(source)) {
                compile.add("-Dmain=__wasrisc_program_main");
            }
            compile.addAll(List.of("-c", unit.toString(), "-o", object.toString()));
            run(compile);
            objects.add(object.toString());
        }
        Path elf = dir.resolve("program.elf");
        List<String> link = new ArrayList<>(List.of(GCC));
        link.addAll(flags);
        link.add("-nostartfiles");
        link.addAll(linkFlags);
        link.add("-Wl,--gc-sections");
        link.addAll(objects);
        link.addAll(List.of("-o", elf.toString()));
        run(link);
        return elf;
    }

    private static String disassemble(Path elf) throws Exception {
        return run(List.of(OBJDUMP, "-d", "-M", "no-aliases", elf.toString()));
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
