package dev.wasrisc.wasm;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pipelines that generate import glue (w2c2, WAMR) need to know of a module, read from its
 * binary: the imported functions with their types, the other imports, and how many functions the
 * module defines. Function imports are listed as often as the module lists them: Go's modules
 * import some functions twice, and each pipeline decides what that means for it.
 */
public record WasmModule(List<FunctionImport> functionImports, List<String> otherImports, int definedFunctions) {

    /** An imported function. */
    public record FunctionImport(String module, String field, List<ValueType> params, List<ValueType> results) {}

    /** A function type of the type section. */
    private record FunctionType(List<ValueType> params, List<ValueType> results) {}

    /** The value types of the WebAssembly core specification, with their binary codes. */
    public enum ValueType {
        I32(0x7f), I64(0x7e), F32(0x7d), F64(0x7c), V128(0x7b), FUNCREF(0x70), EXTERNREF(0x6f);

        private final int code;

        ValueType(int code) {
            this.code = code;
        }

        static ValueType of(int code) throws IOException {
            for (ValueType type : values()) {
                if (type.code == code) {
                    return type;
                }
            }
            throw new IOException("value type 0x" + Integer.toHexString(code) + " is unknown");
        }
    }

    /** Whether the module imports its linear memory instead of defining it. */
    public boolean importsMemory() {
        return otherImports.stream().anyMatch(other -> other.startsWith("memory "));
    }

    private static final int TYPE_SECTION = 1;
    private static final int IMPORT_SECTION = 2;
    private static final int FUNCTION_SECTION = 3;

    public static WasmModule read(Path wasm) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(wasm)).order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < 8 || in.getInt() != 0x6d736100 /* "\0asm" */) {
            throw new IOException(wasm + " is not a WebAssembly binary");
        }
        in.getInt(); // version
        try {
            return read(in);
        } catch (IOException | BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IOException("cannot read the imports of " + wasm + ": "
                    + (e.getMessage() == null ? "it ends early" : e.getMessage()), e);
        }
    }

    private static WasmModule read(ByteBuffer in) throws IOException {
        List<FunctionType> types = new ArrayList<>();
        List<FunctionImport> functions = new ArrayList<>();
        List<String> others = new ArrayList<>();
        int defined = 0;
        while (in.hasRemaining()) {
            int id = in.get() & 0xff;
            int size = (int) Leb128.unsigned(in);
            int end = in.position() + size;
            if (id == TYPE_SECTION) {
                long count = Leb128.unsigned(in);
                for (long i = 0; i < count; i++) {
                    int form = in.get() & 0xff;
                    if (form != 0x60) {
                        throw new IOException("type of form 0x" + Integer.toHexString(form)
                                + " (only function types are supported)");
                    }
                    types.add(new FunctionType(valueTypes(in), valueTypes(in)));
                }
            } else if (id == IMPORT_SECTION) {
                long count = Leb128.unsigned(in);
                for (long i = 0; i < count; i++) {
                    String module = name(in);
                    String field = name(in);
                    int kind = in.get() & 0xff;
                    String described = "'" + module + "' '" + field + "'";
                    switch (kind) {
                        case 0 -> {
                            FunctionType type = types.get((int) Leb128.unsigned(in));
                            functions.add(new FunctionImport(module, field, type.params(), type.results()));
                        }
                        case 1 -> { // reference type, limits
                            in.get();
                            limits(in);
                            others.add("table " + described);
                        }
                        case 2 -> {
                            limits(in);
                            others.add("memory " + described);
                        }
                        case 3 -> { // value type, mutability
                            in.get();
                            in.get();
                            others.add("global " + described);
                        }
                        case 4 -> { // attribute, type index
                            in.get();
                            Leb128.unsigned(in);
                            others.add("tag " + described);
                        }
                        default -> throw new IOException("import of unknown kind " + kind);
                    }
                }
            } else if (id == FUNCTION_SECTION) {
                defined = (int) Leb128.unsigned(in);
                break; // the sections are ordered: nothing needed comes later
            }
            in.position(end);
        }
        return new WasmModule(List.copyOf(functions), List.copyOf(others), defined);
    }

    private static List<ValueType> valueTypes(ByteBuffer in) throws IOException {
        int count = (int) Leb128.unsigned(in);
        List<ValueType> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            types.add(ValueType.of(in.get() & 0xff));
        }
        return List.copyOf(types);
    }

    private static void limits(ByteBuffer in) {
        int flags = in.get() & 0xff;
        Leb128.unsigned(in);
        if ((flags & 1) != 0) {
            Leb128.unsigned(in);
        }
    }

    /** A name of the binary format: its length in bytes, then UTF-8. */
    public static String name(ByteBuffer in) {
        byte[] bytes = new byte[(int) Leb128.unsigned(in)];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
