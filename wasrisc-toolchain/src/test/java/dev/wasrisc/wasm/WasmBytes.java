package dev.wasrisc.wasm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-written WebAssembly binaries for the tests of the readers and glue generators. */
public final class WasmBytes {

    private WasmBytes() {}

    public static byte[] module(byte[]... sections) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        for (byte[] section : sections) {
            out.writeBytes(section);
        }
        return out.toByteArray();
    }

    public static byte[] section(int id, ByteArrayOutputStream content) {
        return section(id, content.toByteArray());
    }

    public static byte[] section(int id, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(id);
        out.write(content.length); // the test sections are shorter than 128 bytes
        out.writeBytes(content);
        return out.toByteArray();
    }

    public static void functionImport(ByteArrayOutputStream out, String module, String field, int type) {
        name(out, module);
        name(out, field);
        out.write(0); // function
        out.write(type);
    }

    public static void name(ByteArrayOutputStream out, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }
}
