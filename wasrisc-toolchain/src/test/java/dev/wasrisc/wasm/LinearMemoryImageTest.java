package dev.wasrisc.wasm;

import static dev.wasrisc.wasm.WasmBytes.module;
import static dev.wasrisc.wasm.WasmBytes.name;
import static dev.wasrisc.wasm.WasmBytes.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearMemoryImageTest {

    @TempDir
    Path dir;

    @Test
    void activeSegmentsAtTheirOffsetsZerosBetweenPassiveOnesLeftOut() throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(3);
        activeSegment(data, 4, new byte[] {1, 2});
        data.writeBytes(new byte[] {1, 1, 9}); // passive: memory.init copies it when the guest asks
        activeSegment(data, 1, new byte[] {7});

        LinearMemoryImage image = read(module(memory(1), section(11, data)));

        assertThat(image.bytes()).containsExactly(0, 7, 0, 0, 1, 2);
        assertThat(image.segments()).isEqualTo(2);
    }

    @Test
    void refusesWhatCannotBeLaidOutBeforeTheModuleRuns() {
        ByteArrayOutputStream global = new ByteArrayOutputStream();
        global.writeBytes(new byte[] {1, 0, 0x23, 0, 0x0b, 0}); // active at global.get 0, no bytes
        assertThatThrownBy(() -> read(module(memory(1), section(11, global))))
                .hasMessageContaining("data segment 0's offset is not a constant");

        ByteArrayOutputStream imports = new ByteArrayOutputStream();
        imports.write(1);
        name(imports, "env");
        name(imports, "memory");
        imports.writeBytes(new byte[] {2, 0, 1});
        assertThatThrownBy(() -> read(module(section(2, imports))))
                .hasMessageContaining("imports its linear memory");

        ByteArrayOutputStream beyond = new ByteArrayOutputStream();
        beyond.write(1);
        activeSegment(beyond, 65535, new byte[] {1, 2});
        assertThatThrownBy(() -> read(module(memory(1), section(11, beyond))))
                .hasMessageContaining("beyond the memory's 1 initial pages");
    }

    private LinearMemoryImage read(byte[] wasm) throws IOException {
        return LinearMemoryImage.read(Files.write(dir.resolve("m.wasm"), wasm));
    }

    private static byte[] memory(int initialPages) {
        return section(5, new byte[] {1, 0, (byte) initialPages});
    }

    private static void activeSegment(ByteArrayOutputStream out, int offset, byte[] bytes) {
        out.write(0);
        out.write(0x41); // i32.const, as signed LEB128
        int value = offset;
        while (true) {
            int b = value & 0x7f;
            value >>= 7;
            if ((value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0)) {
                out.write(b);
                break;
            }
            out.write(b | 0x80);
        }
        out.write(0x0b);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }
}
