package dev.wasrisc.profile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names people read for a binary's symbols: the source language's name where a transpiler mangled
 * it and the module's name section has it ({@code w2c_runtime___mheap__alloc} becomes
 * {@code runtime.(*mheap).alloc}, w2c2's {@code guest_f1131} its function's name), then Rust's
 * demangling. gcc's clone suffixes ({@code .constprop.0}) stay: a clone is a body of its own.
 */
public final class FrameNames {

    private static final Pattern CLONE_SUFFIX = Pattern.compile("(\\.(constprop|isra|part|cold|lto_priv)(\\.\\d+)?)+$");

    private final WasmFunctionNames wasmNames;

    private FrameNames(WasmFunctionNames wasmNames) {
        this.wasmNames = wasmNames;
    }

    /** Names for a binary: with the source names of {@code module.wasm} beside it, if there is one. */
    public static FrameNames forBinary(Path elf) {
        Path module = elf.resolveSibling("module.wasm");
        return new FrameNames(Files.isRegularFile(module) ? WasmFunctionNames.read(module) : WasmFunctionNames.none());
    }

    /** Names from symbols alone. */
    public static FrameNames symbolsOnly() {
        return new FrameNames(WasmFunctionNames.none());
    }

    public String readable(String symbol) {
        Matcher clone = CLONE_SUFFIX.matcher(symbol);
        String suffix = clone.find() ? clone.group() : "";
        String base = symbol.substring(0, symbol.length() - suffix.length());
        String source = wasmNames.sourceName(base).orElse(base);
        return SymbolNames.readable(source) + suffix;
    }

    public FrameGroup group(String symbol, String readable) {
        Matcher clone = CLONE_SUFFIX.matcher(symbol);
        return FrameGroup.of(clone.replaceFirst(""), clone.reset(readable).replaceFirst(""));
    }
}
