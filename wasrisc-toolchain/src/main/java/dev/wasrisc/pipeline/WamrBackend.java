package dev.wasrisc.pipeline;

import dev.wasrisc.build.Action;
import dev.wasrisc.cell.CellOption;
import dev.wasrisc.cell.Pipeline;
import dev.wasrisc.cell.Target;
import dev.wasrisc.cgen.WamrImportGlue;
import dev.wasrisc.exec.Command;
import dev.wasrisc.guest.BuildContext;
import dev.wasrisc.guest.Language;
import dev.wasrisc.platform.Platform;
import dev.wasrisc.recipe.BareMetalGcc;
import dev.wasrisc.tool.Tool;
import dev.wasrisc.tool.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * wasm → WAMR AOT (wamrc, github.com/bytecodealliance/wasm-micro-runtime) for riscv64 lp64, run by
 * WAMR's runtime core built for the bare-metal rv64im platform, into which the module is embedded.
 * The cell's -O level is wamrc's {@code --opt-level}; the runtime core is always compiled with -O2
 * (it is the runtime, like the wasmtime runner's release build).
 *
 * <p>WAMR is on no package registry: the project only finds a user's {@code wamrc}
 * ({@link Tools#WAMRC}, on the PATH or {@code -Dwasrisc.tool.wamrc=PATH}) and the WAMR source tree
 * it was built from ({@link Tools#WAMR_SOURCE}: the tree's {@code core/version.h}, found in the usual
 * places or where {@code -Dwasrisc.tool.wamr-source=TREE/core/version.h} points). The runtime core's C
 * files are compiled from that tree with riscv64-unknown-elf-gcc; {@code platform/wamr} is the
 * project's port of WAMR to the platform (its os_* layer) and the entry point that registers WASI
 * preview 1 (the platform's WASI core) as native symbols. The custom imports are registered by glue
 * generated from the module's import section ({@code guest_imports.c}, {@link WamrImportGlue}): one
 * native symbol per imported function, calling its C implementation {@code <module>_<name>}.
 *
 * <p>Memory accesses are bounds-checked in software ({@code --bounds-checks=1}): wamrc's default for
 * 64-bit targets is to leave them to guard pages, which the bare-metal platform does not have.
 * Linear memory is the platform's linear-memory region, as for the transpiling pipelines.
 *
 * <p>Two variants: {@code wamr} loads the module the usual way, copying its code into a writable
 * and executable region and relocating it there (wamrc's default small code model: the binary lies
 * in the low 2 GiB, where the absolute relocations fit). {@code wamr_xip} compiles with
 * {@code --xip} (calls through tables, no LLVM intrinsics) and
 * {@code --mllvm=-riscv-disable-using-constant-pool-for-large-ints} (without it the code has
 * relocations, which --xip modules may not have), and runs the code in place, from the text
 * segment: nothing executes from writable memory, and nothing is copied.
 */
public final class WamrBackend implements Backend {

    /** What --xip needs on RISC-V: no constant pools, whose loads would need relocating. */
    static final List<String> XIP_FLAGS = List.of(
            "--xip", "--mllvm=-riscv-disable-using-constant-pool-for-large-ints");

    /**
     * The code wamrc is asked for: rv64im plus A (it emits no atomic instructions for modules
     * without threads), the soft-float lp64 ABI (floating point through libgcc's routines, which
     * WAMR's RISC-V relocator resolves), no SIMD (wamrc's default for RISC-V).
     */
    static final List<String> TARGET_FLAGS = List.of(
            "--target=riscv64", "--target-abi=lp64", "--cpu=generic-rv64", "--cpu-features=+i,+m,+a");

    /**
     * The target with misaligned loads and stores allowed ({@code unaligned}): wamrc gives every
     * access alignment 1, which LLVM for generic-rv64 otherwise splits into byte accesses.
     */
    static final List<String> UNALIGNED_TARGET_FLAGS = List.of(
            "--target=riscv64", "--target-abi=lp64", "--cpu=generic-rv64",
            "--cpu-features=+i,+m,+a,+unaligned-scalar-mem");

    /** WAMR's build options, as its CMake build would define them for this configuration. */
    static final List<String> RUNTIME_DEFINES = List.of(
            "-DBH_PLATFORM_WASRISC",
            "-DBUILD_TARGET_RISCV64_LP64",
            "-DWASM_ENABLE_AOT=1",
            "-DWASM_ENABLE_INTERP=0",
            "-DWASM_ENABLE_JIT=0",
            "-DWASM_ENABLE_FAST_JIT=0",
            "-DWASM_ENABLE_LIBC_BUILTIN=0",
            "-DWASM_ENABLE_LIBC_WASI=0",
            "-DWASM_ENABLE_MULTI_MODULE=0",
            "-DWASM_ENABLE_SHARED_MEMORY=0",
            "-DWASM_ENABLE_THREAD_MGR=0",
            "-DWASM_ENABLE_LIB_PTHREAD=0",
            "-DWASM_ENABLE_LIB_WASI_THREADS=0",
            "-DWASM_ENABLE_SIMD=0",
            "-DWASM_ENABLE_BULK_MEMORY=1",
            "-DWASM_ENABLE_REF_TYPES=1",
            "-DWASM_DISABLE_HW_BOUND_CHECK=1",
            "-DWASM_DISABLE_STACK_HW_BOUND_CHECK=1",
            "-DWASM_DISABLE_WAKEUP_BLOCKING_OP=1",
            "-DWASM_ENABLE_AOT_INTRINSICS=1",
            "-DWASM_ENABLE_QUICK_AOT_ENTRY=1",
            "-DBH_MALLOC=wasm_runtime_malloc",
            "-DBH_FREE=wasm_runtime_free");

    /** WAMR's include folders, relative to the source tree. */
    static final List<String> RUNTIME_INCLUDES = List.of(
            "core/iwasm/include",
            "core/iwasm/common",
            "core/iwasm/aot",
            "core/shared/utils",
            "core/shared/mem-alloc",
            "core/iwasm/aot/arch",
            "core/shared/platform/include");

    /** The runtime core's sources, relative to the source tree: AOT loader and runtime, no interpreter. */
    static final List<String> RUNTIME_SOURCES = List.of(
            "core/iwasm/common/wasm_runtime_common.c",
            "core/iwasm/common/wasm_exec_env.c",
            "core/iwasm/common/wasm_memory.c",
            "core/iwasm/common/wasm_native.c",
            "core/iwasm/common/wasm_loader_common.c",
            "core/iwasm/common/wasm_c_api.c",
            "core/iwasm/common/arch/invokeNative_riscv.S",
            "core/iwasm/aot/aot_loader.c",
            "core/iwasm/aot/aot_runtime.c",
            "core/iwasm/aot/aot_intrinsic.c",
            "core/shared/mem-alloc/mem_alloc.c",
            "core/shared/mem-alloc/ems/ems_alloc.c",
            "core/shared/mem-alloc/ems/ems_gc.c",
            "core/shared/mem-alloc/ems/ems_hmu.c",
            "core/shared/mem-alloc/ems/ems_kfc.c",
            "core/shared/utils/bh_assert.c",
            "core/shared/utils/bh_bitmap.c",
            "core/shared/utils/bh_common.c",
            "core/shared/utils/bh_hashmap.c",
            "core/shared/utils/bh_leb128.c",
            "core/shared/utils/bh_list.c",
            "core/shared/utils/bh_log.c",
            "core/shared/utils/bh_vector.c");

    /**
     * The project's WAMR port and entry point, in platform/wamr; wamr_reloc_riscv.c compiles the
     * tree's {@code aot_reloc_riscv.c} with the soft-float helpers its table lacks for rv64.
     */
    static final List<String> PLATFORM_SOURCES = List.of("wamr_platform.c", "wamr_main.c", "wamr_reloc_riscv.c");

    /** The name wamr_aot.S embeds the module under (.incbin), looked up in the work folder. */
    static final String AOT_FILE = "guest.aot";

    /** The generated registration of the custom imports, in the work folder. */
    static final String IMPORTS_FILE = "guest_imports.c";

    private final boolean inPlace;

    /** The {@code wamr} pipeline: code loaded and relocated at run time. */
    public WamrBackend() {
        this(false);
    }

    private WamrBackend(boolean inPlace) {
        this.inPlace = inPlace;
    }

    /** The {@code wamr_xip} pipeline: code compiled with --xip and run in place. */
    public static WamrBackend executeInPlace() {
        return new WamrBackend(true);
    }

    @Override
    public boolean servesAccelerators() {
        return true;
    }

    @Override
    public String name() {
        return inPlace ? "wamr_xip" : "wamr";
    }

    @Override
    public String description() {
        return "wasm → WAMR AOT (wamrc, LLVM" + (inPlace ? ", --xip" : "")
                + ") → WAMR runtime core + picolibc, bare metal" + (inPlace ? ", code run in place" : "");
    }

    @Override
    public List<Path> platformInputs(Platform platform) {
        return List.of(wamrPlatform(platform));
    }

    @Override
    public Target target(Language language) {
        return Target.RV64IM;
    }

    @Override
    public List<Tool> tools(Language language) {
        List<Tool> tools = new ArrayList<>(language.wasmTools());
        tools.add(Tools.WAMRC);
        tools.add(Tools.WAMR_SOURCE);
        tools.addAll(BareMetalGcc.TOOLS);
        return tools;
    }

    @Override
    public List<Tool> tools(Language language, Pipeline cell) {
        return WasmOpt.tools(tools(language), cell);
    }

    /**
     * wamrc's own bounds-check switch and LLVM's misaligned-access feature; its memory base is the
     * module instance's, with no knob to fix it.
     */
    @Override
    public Set<CellOption> options() {
        return EnumSet.of(CellOption.UNCHECKED, CellOption.UNALIGNED, CellOption.WASM_OPT);
    }


    @Override
    public void build(BuildContext context) throws IOException {
        Path wasm = WasmOpt.module(context);
        Path work = context.workDir();
        Path aot = work.resolve(AOT_FILE);
        context.perform(Action.of("compile AOT", Command.of(context.tool(Tools.WAMRC))
                .args(context.pipeline().has(CellOption.UNALIGNED) ? UNALIGNED_TARGET_FLAGS : TARGET_FLAGS)
                .arg("--bounds-checks=" + (context.pipeline().has(CellOption.UNCHECKED) ? 0 : 1))
                .args(inPlace ? XIP_FLAGS : List.of())
                .arg("--opt-level=" + context.optLevel())
                .arg("-o").arg(aot)
                .arg(wasm))
                .output(aot));

        Path imports = work.resolve(IMPORTS_FILE);
        Files.writeString(imports, WamrImportGlue.generate(wasm));

        Platform platform = context.platform();
        Path wamrPlatform = wamrPlatform(platform);
        // TREE/core/version.h → TREE
        Path wamrRoot = context.tool(Tools.WAMR_SOURCE).getParent().getParent();

        List<String> runtimeFlags = new ArrayList<>();
        runtimeFlags.add("-O2");
        runtimeFlags.add("-ffile-prefix-map=" + wamrRoot + "=wamr");
        runtimeFlags.addAll(RUNTIME_DEFINES);
        runtimeFlags.add("-I" + wamrPlatform);
        runtimeFlags.add("-I" + platform.wasi());
        for (String include : RUNTIME_INCLUDES) {
            runtimeFlags.add("-I" + wamrRoot.resolve(include));
        }

        List<Path> runtimeSources = new ArrayList<>();
        for (String source : RUNTIME_SOURCES) {
            // Where the tools are (the machine or a container): gcc reports a missing file.
            runtimeSources.add(wamrRoot.resolve(source));
        }
        for (String source : PLATFORM_SOURCES) {
            runtimeSources.add(wamrPlatform.resolve(source));
        }
        runtimeSources.add(imports);

        List<Path> objects = new ArrayList<>(context.parallel(runtimeSources,
                source -> BareMetalGcc.compile(context, "compile runtime", source, runtimeFlags)));
        objects.add(BareMetalGcc.compileWasmSupport(context));
        objects.add(BareMetalGcc.compile(context, "compile WASI", platform.wasi().resolve("wasi_core.c"),
                List.of("-I" + platform.wasi())));
        objects.add(BareMetalGcc.compile(context, "embed AOT module", wamrPlatform.resolve("wamr_aot.S"),
                List.of("-Wa,-I" + work, "-DWASRISC_WAMR_AOT_PAD=" + WamrAotFile.textPadding(aot),
                        "-DWASRISC_WAMR_XIP=" + (inPlace ? 1 : 0)), List.of(aot)));
        BareMetalGcc.link(context, objects);
    }

    private static Path wamrPlatform(Platform platform) {
        return platform.dir().resolve("wamr");
    }
}
