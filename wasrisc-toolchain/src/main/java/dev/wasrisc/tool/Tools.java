package dev.wasrisc.tool;

/**
 * The catalogue of tools, with where each comes from. The installer
 * (platform/install-toolchain.sh) installs every Debian package named here.
 */
public final class Tools {

    private static final String INSTALL = "run platform/install-toolchain.sh, or: apt-get install ";

    public static final Tool QEMU_RISCV64 =
            Tool.program("qemu-riscv64", INSTALL + "qemu-user", "qemu-riscv64");
    public static final Tool HOST_CC = Tool.program("cc", INSTALL + "gcc", "cc", "gcc");
    public static final Tool RISCV64_ELF_GCC = Tool.program("riscv64-unknown-elf-gcc",
            INSTALL + "gcc-riscv64-unknown-elf", "riscv64-unknown-elf-gcc");
    public static final Tool PICOLIBC = Tool.file("picolibc",
            INSTALL + "picolibc-riscv64-unknown-elf",
            "/usr/lib/picolibc/riscv64-unknown-elf/picolibc.specs");
    public static final Tool CLANG = Tool.program("clang", INSTALL + "clang", "clang");
    public static final Tool WASM_LD = Tool.program("wasm-ld", INSTALL + "lld", "wasm-ld");
    public static final Tool WASI_LIBC = Tool.file("wasi-libc", INSTALL + "wasi-libc",
            "/usr/lib/wasm32-wasi/libc.a");
    public static final Tool CLANG_RT_WASM32 = Tool.file("clang-rt-wasm32",
            INSTALL + "libclang-rt-14-dev-wasm32",
            "/usr/lib/llvm-14/lib/clang/14.0.6/lib/wasi/libclang_rt.builtins-wasm32.a");
    public static final Tool WASM2C = Tool.program("wasm2c", INSTALL + "wabt", "wasm2c");
    /** binaryen's optimiser, for cells with the {@code wasmopt} option. */
    public static final Tool WASM_OPT = Tool.program("wasm-opt", INSTALL + "binaryen", "wasm-opt");
    /** wasm2c's runtime must match the wasm2c that generated the code: Debian's wabt ships it here. */
    public static final Tool WASM2C_RUNTIME = Tool.file("wasm2c-runtime", INSTALL + "wabt",
            "/usr/src/wasm2c/wasm-rt-impl.c", "/usr/share/wabt/wasm2c/wasm-rt-impl.c");

    /**
     * w2c2 (github.com/turbolent/w2c2), on no package registry. It has no version option, so its
     * version is the binary's hash (declared like a file, found on the PATH all the same).
     */
    public static final Tool W2C2 = Tool.file("w2c2",
            "build github.com/turbolent/w2c2 (make in its w2c2 folder) and put w2c2 on PATH", "w2c2");
    /**
     * The header w2c2's output includes; it must come from the same w2c2 build, which installs
     * nothing: copy w2c2/w2c2_base.h from the source tree, or point -Dwasrisc.tool.w2c2-base at it.
     */
    public static final Tool W2C2_BASE = Tool.file("w2c2-base",
            "copy w2c2/w2c2_base.h from the w2c2 source tree that built w2c2 to /usr/local/include, or set "
                    + "-Dwasrisc.tool.w2c2-base=PATH (or WASRISC_TOOL_W2C2_BASE) to it",
            "/usr/local/include/w2c2_base.h", "/usr/include/w2c2_base.h");

    /**
     * WAMR's AOT compiler (github.com/bytecodealliance/wasm-micro-runtime), on no package registry.
     * Declared like a file, so its version is the binary's hash: {@code wamrc --version} names only
     * the release.
     */
    public static final Tool WAMRC = Tool.file("wamrc",
            "build wamrc from a WAMR source tree (in wamr-compiler: cmake -DWAMR_BUILD_WITH_CUSTOM_LLVM=1 "
                    + "-DLLVM_DIR=/usr/lib/llvm-19/lib/cmake/llvm . && make; apt-get install llvm-19-dev) and put "
                    + "it on PATH, or set -Dwasrisc.tool.wamrc=PATH (or WASRISC_TOOL_WAMRC)",
            "wamrc");
    /**
     * The WAMR source tree wamrc was built from, found by its core/version.h: the runtime core is
     * compiled from it for the platform, and must match the compiler's AOT format.
     */
    public static final Tool WAMR_SOURCE = Tool.file("wamr-source",
            "check out the WAMR source tree wamrc was built from at /usr/local/src/wasm-micro-runtime, or set "
                    + "-Dwasrisc.tool.wamr-source=TREE/core/version.h (or WASRISC_TOOL_WAMR_SOURCE)",
            "/usr/local/src/wasm-micro-runtime/core/version.h", "/opt/wasm-micro-runtime/core/version.h");

    /** ZisK's emulator, built from crates.io by the opt-in {@code platform/install-zisk.sh}. */
    public static final Tool ZISKEMU = Tool.file("ziskemu",
            "run platform/install-zisk.sh (opt-in: builds ziskemu 1.4.0-alpha from crates.io, about 18 minutes on "
                    + "2 cores), or set -Dwasrisc.tool.ziskemu=PATH (or WASRISC_TOOL_ZISKEMU)",
            "/usr/local/lib/wasrisc/zisk/bin/ziskemu");

    public static final Tool GO = new Tool("go", java.util.List.of("go", "/usr/local/go/bin/go", "/usr/lib/go/bin/go"),
            java.util.List.of("version"), "install Go 1.21 or newer (https://go.dev/dl or apt-get install golang)");
    public static final Tool RISCV64_LINUX_GCC = Tool.program("riscv64-linux-gnu-gcc",
            INSTALL + "gcc-riscv64-linux-gnu libc6-dev-riscv64-cross", "riscv64-linux-gnu-gcc");

    /** Debian's rustc-web: builds std for any target with -Zbuild-std, where rustup cannot add targets. */
    public static final Tool CARGO_WEB = Tool.program("cargo-web",
            INSTALL + "rustc-web cargo-web rust-web-src (not Debian's rustc, which conflicts)", "/usr/bin/cargo");
    public static final Tool RUSTC_WEB = Tool.program("rustc-web",
            INSTALL + "rustc-web cargo-web rust-web-src (not Debian's rustc, which conflicts)", "/usr/bin/rustc");
    public static final Tool RUST_SRC = Tool.file("rust-src", INSTALL + "rust-web-src",
            "/usr/lib/rustlib/src/rust/library/Cargo.lock");

    /**
     * The wasmtime and wasmer runners (platform/runners) that {@code platform/install-runners.sh}
     * builds, an opt-in step: a host build precompiles modules for riscv64, a static riscv64 build
     * loads and runs them under qemu.
     */
    static final String RUNNERS_DIR = "/usr/local/lib/wasrisc/runners/";
    private static final String RUNNERS_HINT = "run platform/install-runners.sh (opt-in: builds the wasmtime and "
            + "wasmer runners from crates.io for the host and riscv64, about an hour on 2 cores)";
    public static final Tool WASMTIME_PRECOMPILER = Tool.file("wasmtime-precompiler", RUNNERS_HINT,
            RUNNERS_DIR + "host/wasrisc-wasmtime");
    public static final Tool WASMTIME_RUNTIME = Tool.file("wasmtime-runtime-riscv64", RUNNERS_HINT,
            RUNNERS_DIR + "riscv64/libwasrisc_wasmtime.a");
    public static final Tool WASMER_PRECOMPILER = Tool.file("wasmer-precompiler", RUNNERS_HINT,
            RUNNERS_DIR + "host/wasrisc-wasmer");
    public static final Tool WASMER_RUNTIME = Tool.file("wasmer-runtime-riscv64", RUNNERS_HINT,
            RUNNERS_DIR + "riscv64/libwasrisc_wasmer.a");
    public static final Tool WASMER_LLVM_PRECOMPILER = Tool.file("wasmer-llvm-precompiler", "run platform/install-runners.sh "
            + "wasmer (opt-in: builds the wasmer runner, and with Debian's llvm-22-dev its LLVM precompiler)",
            RUNNERS_DIR + "host/wasrisc-wasmer-llvm");

    private Tools() {}
}
