package dev.wasrisc.profile;

import dev.wasrisc.wasm.Leb128;
import dev.wasrisc.wasm.WasmModule;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source names of a module's functions, from its {@code name} section, and the way back to them
 * from the C symbols the transpilers made: wasm2c 1.0.32 writes {@code w2c_} and the name with every
 * character C does not allow turned into {@code _} ({@code w2c_runtime___mheap__alloc} for
 * {@code runtime.(*mheap).alloc}); w2c2 writes {@code MODULE_fINDEX}, the index counting imports.
 */
final class WasmFunctionNames {

    private static final Pattern W2C2 = Pattern.compile("[A-Za-z0-9]+_f(\\d+)");

    private final Map<Integer, String> byIndex;
    private final Map<String, String> byWasm2cSymbol = new HashMap<>();

    private WasmFunctionNames(Map<Integer, String> byIndex) {
        this.byIndex = byIndex;
        // The first of names that legalize alike wins: wasm2c gives the later ones a suffix.
        byIndex.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> byWasm2cSymbol.putIfAbsent("w2c_" + e.getValue().replaceAll("[^A-Za-z0-9_]", "_"),
                        e.getValue()));
    }

    static WasmFunctionNames none() {
        return new WasmFunctionNames(Map.of());
    }

    /** The names of {@code wasm}; none when it has no name section or cannot be read. */
    static WasmFunctionNames read(Path wasm) {
        try {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(wasm)).order(ByteOrder.LITTLE_ENDIAN);
            if (in.remaining() < 8 || in.getInt() != 0x6d736100) {
                return none();
            }
            in.getInt();
            while (in.hasRemaining()) {
                int id = in.get() & 0xff;
                int size = (int) Leb128.unsigned(in);
                int end = in.position() + size;
                if (id == 0 && "name".equals(WasmModule.name(in))) {
                    return new WasmFunctionNames(functionNames(in, end));
                }
                in.position(end);
            }
        } catch (IOException | BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            // a profile without source names is still a profile
        }
        return none();
    }

    private static Map<Integer, String> functionNames(ByteBuffer in, int end) {
        Map<Integer, String> names = new HashMap<>();
        while (in.position() < end) {
            int subsection = in.get() & 0xff;
            int size = (int) Leb128.unsigned(in);
            int next = in.position() + size;
            if (subsection == 1) {
                long count = Leb128.unsigned(in);
                for (long i = 0; i < count; i++) {
                    int index = (int) Leb128.unsigned(in);
                    names.put(index, WasmModule.name(in));
                }
            }
            in.position(next);
        }
        return names;
    }

    /** The source name behind a transpiler's symbol, if the name section has it. */
    Optional<String> sourceName(String symbol) {
        if (byIndex.isEmpty()) {
            return Optional.empty();
        }
        String name = byWasm2cSymbol.get(symbol);
        if (name != null) {
            return Optional.of(name);
        }
        Matcher w2c2 = W2C2.matcher(symbol);
        if (w2c2.matches()) {
            return Optional.ofNullable(byIndex.get(Integer.parseInt(w2c2.group(1))));
        }
        return Optional.empty();
    }
}
