package dev.wasrisc.cgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasrisc.wasm.LinearMemoryImage;
import java.io.IOException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TranspiledMemoryTest {

    @Test
    void dropsTheCopiesOfLaidOutSegmentsAndTheirArraysOnly() throws IOException {
        LinearMemoryImage image = new LinearMemoryImage(new byte[] {5}, 1);
        Pattern copy = Pattern.compile("^COPY\\((\\w+), (\\d+)\\);\\n", Pattern.MULTILINE);
        Pattern array = Pattern.compile("^const char (\\w+)\\[\\]=\\{[^}]*\\};\\n", Pattern.MULTILINE);

        String c = "const char d0[]={5};\nconst char d1[]={6};\nvoid init(void) {\nCOPY(d0, 1);\n}\n";

        assertThat(TranspiledMemory.withoutSegmentCopies(c, image, copy, array, "t"))
                .isEqualTo("const char d1[]={6};\nvoid init(void) {\n}\n");
        assertThatThrownBy(() -> TranspiledMemory.withoutSegmentCopies("COPY(d0, 1);\nCOPY(d1, 1);\n", image, copy,
                array, "t"))
                .hasMessageContaining("t's output copies 2 data segments at start-up, the module has 1");
    }
}
