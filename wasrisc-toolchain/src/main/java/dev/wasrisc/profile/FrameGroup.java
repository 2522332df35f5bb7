package dev.wasrisc.profile;

import java.util.regex.Pattern;

/**
 * What part of a run a frame belongs to: the guest's own code, or one of the things a pipeline or
 * platform adds around it. Decided by the symbol's name, so it is a reading aid, not a proof: a guest
 * function called {@code trap_door} counts as trap handling.
 */
public enum FrameGroup {
    GUEST("guest"),
    START_UP("start-up"),
    WASI("WASI"),
    MEMORY_COPY("memory copy"),
    TRAP("trap handling"),
    UNKNOWN("no symbol");

    private static final Pattern START_UP_NAMES = Pattern.compile(
            "_start|_start_c|__libc_.*|_dl_.*|__init_.*|_init|.*_instantiate|.*_init_module|init_memory.*"
                    + "|init_data.*|init_globals|init_table.*|init_instance_import.*|wasm_rt_init.*"
                    + "|wasm_rt_allocate_.*|wasrisc_init.*|runtime\\.rt0_go.*|_rt0_.*|runtime\\.schedinit");
    private static final Pattern WASI_NAMES = Pattern.compile(
            "Z_wasi_snapshot_preview1Z_.*|w2c_wasi_snapshot_preview1_.*|wasi_snapshot_preview1_.*|wasi_.*"
                    + "|__wasi_.*|wasmtime_ssp_.*|.*\\.wasi_snapshot_preview1\\..*");
    private static final Pattern MEMORY_NAMES = Pattern.compile(
            "_?_?mem(cpy|move|set|cmp)(_.*)?|__mem(cpy|move|set)_.*|runtime\\.memmove|runtime\\.memclrNoHeapPointers"
                    + "|bcopy|bzero");
    private static final Pattern TRAP_NAMES = Pattern.compile(".*trap.*|abort|wasm_set_exception|__stack_chk_fail");

    private final String label;

    FrameGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The group of a frame, from its symbol (before and after it was made readable). */
    static FrameGroup of(String symbol, String readable) {
        if (symbol.equals(ElfSymbols.NO_SYMBOL)) {
            return UNKNOWN;
        }
        for (String name : new String[] {symbol, readable}) {
            if (WASI_NAMES.matcher(name).matches()) {
                return WASI;
            }
            if (MEMORY_NAMES.matcher(name).matches()) {
                return MEMORY_COPY;
            }
            if (TRAP_NAMES.matcher(name).matches()) {
                return TRAP;
            }
            if (START_UP_NAMES.matcher(name).matches()) {
                return START_UP;
            }
        }
        return GUEST;
    }
}
