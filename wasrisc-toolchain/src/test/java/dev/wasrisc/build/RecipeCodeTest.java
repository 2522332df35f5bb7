package dev.wasrisc.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stale key of issue 32: cells were keyed on a hand-kept list of classes, read by simple name,
 * so a nested helper class that changed the generated C left the key as it was. The digest of all
 * the code cannot miss it.
 */
class RecipeCodeTest {

    @TempDir
    Path dir;

    @Test
    void aChangedNestedHelperClassChangesTheDigest() throws IOException {
        Path before = classes("before", "helper v1");
        Path after = classes("after", "helper v2");

        assertThat(RecipeCode.of(before)).isNotEqualTo(RecipeCode.of(after));
    }

    @Test
    void theSameClassesInAnotherFolderHaveTheSameDigest() throws IOException {
        assertThat(RecipeCode.of(classes("one", "helper v1"))).isEqualTo(RecipeCode.of(classes("two", "helper v1")));
    }

    @Test
    void aJarIsDigestedByItsEntriesNotItsTimeStamps() throws IOException {
        Path older = jar("older.jar", 1_000_000L);
        Path newer = jar("newer.jar", 2_000_000_000L);

        assertThat(Files.readAllBytes(older)).isNotEqualTo(Files.readAllBytes(newer));
        assertThat(RecipeCode.of(older)).isEqualTo(RecipeCode.of(newer));
    }

    private Path classes(String name, String helper) throws IOException {
        Path root = Files.createDirectories(dir.resolve(name).resolve("dev/wasrisc/pipeline"));
        Files.writeString(root.resolve("W2c2Backend.class"), "backend");
        Files.writeString(root.resolve("W2c2Backend$Helper.class"), helper);
        return dir.resolve(name);
    }

    private Path jar(String name, long time) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String entry : new String[] {"dev/wasrisc/A.class", "dev/wasrisc/A$B.class", "META-INF/maven/pom.properties"}) {
                JarEntry jarEntry = new JarEntry(entry);
                jarEntry.setTime(time);
                out.putNextEntry(jarEntry);
                out.write((entry.startsWith("META") ? "built " + time : entry).getBytes());
                out.closeEntry();
            }
        }
        return jar;
    }
}
