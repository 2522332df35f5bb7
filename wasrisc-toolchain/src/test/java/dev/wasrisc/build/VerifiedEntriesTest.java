package dev.wasrisc.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache entry that no longer matches its manifest is reported once, naming the entry and the
 * file, and built again; it is never served.
 */
class VerifiedEntriesTest {

    @TempDir
    Path root;

    private final List<String> reports = new ArrayList<>();
    private final AtomicInteger builds = new AtomicInteger();

    private BuildCache.Entry get(BuildCache cache) throws IOException {
        return cache.getOrBuild("key", dir -> {
            builds.incrementAndGet();
            Files.createDirectories(dir.resolve("bin"));
            Files.write(dir.resolve("bin/guest.elf"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            Files.writeString(dir.resolve(BuildCache.COMPLETE_MARKER), "{}");
        });
    }

    private BuildCache cache() {
        return new BuildCache(root, null, reports::add);
    }

    /** Damages the built entry, as a disk, a person or another tool could, and uses it again. */
    private BuildCache.Entry damagedThenUsed(Damage damage, boolean sameSession) throws IOException {
        BuildCache cache = cache();
        Path entry = get(cache).dir();
        damage.apply(entry);
        return get(sameSession ? cache : cache());
    }

    private interface Damage {
        void apply(Path entry) throws IOException;
    }

    @Test
    void aFlippedByteIsFoundAndTheEntryRebuilt() throws IOException {
        BuildCache.Entry again = damagedThenUsed(entry -> {
            Path elf = entry.resolve("bin/guest.elf");
            FileTime time = Files.getLastModifiedTime(elf);
            try (RandomAccessFile file = new RandomAccessFile(elf.toFile(), "rw")) {
                file.seek(3);
                file.write(0x44);
            }
            Files.setLastModifiedTime(elf, time); // as bit rot would: same size, same time
        }, false);

        assertThat(again.built()).isTrue();
        assertThat(builds).hasValue(2);
        assertThat(Files.readAllBytes(again.dir().resolve("bin/guest.elf"))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(reports).singleElement().asString()
                .contains("build cache entry key is damaged", "bin/guest.elf: SHA-256", "building it again");
    }

    @Test
    void aFileChangedInThisSessionIsFoundByItsTime() throws IOException {
        BuildCache.Entry again = damagedThenUsed(entry -> {
            Files.write(entry.resolve("bin/guest.elf"), new byte[] {1, 2, 3, 0x44, 5, 6, 7, 8});
            Files.setLastModifiedTime(entry.resolve("bin/guest.elf"), FileTime.fromMillis(0));
        }, true);

        assertThat(again.built()).isTrue();
        assertThat(reports).singleElement().asString().contains("bin/guest.elf: SHA-256");
    }

    @Test
    void aTruncatedFileIsFound() throws IOException {
        damagedThenUsed(entry -> Files.write(entry.resolve("bin/guest.elf"), new byte[] {1, 2, 3}), false);

        assertThat(builds).hasValue(2);
        assertThat(reports).singleElement().asString().contains("bin/guest.elf: 3 bytes, the manifest says 8");
    }

    @Test
    void aMissingFileIsFound() throws IOException {
        damagedThenUsed(entry -> Files.delete(entry.resolve("bin/guest.elf")), false);

        assertThat(builds).hasValue(2);
        assertThat(reports).singleElement().asString().contains("bin/guest.elf: missing");
    }

    @Test
    void aTamperedManifestIsFound() throws IOException {
        damagedThenUsed(entry -> {
            Path manifest = entry.resolve(EntryManifest.FILE);
            Files.writeString(manifest, Files.readString(manifest).replaceFirst("\n[0-9a-f]", "\n0"));
        }, false);

        assertThat(builds).hasValue(2);
        assertThat(reports).singleElement().asString().contains("the manifest says 0");
    }

    @Test
    void anUnreadableManifestIsFound() throws IOException {
        damagedThenUsed(entry -> Files.writeString(entry.resolve(EntryManifest.FILE), "garbage\n"), false);

        assertThat(builds).hasValue(2);
        assertThat(reports).singleElement().asString().contains(EntryManifest.FILE + ": does not start with");
    }

    @Test
    void aSoundEntryIsServedWithoutAReport() throws IOException {
        get(cache());
        BuildCache.Entry again = get(cache());

        assertThat(again.built()).isFalse();
        assertThat(builds).hasValue(1);
        assertThat(reports).isEmpty();
    }

    @Test
    void anEntryFromBeforeManifestsIsAdoptedAndThenChecked() throws IOException {
        Path entry = get(cache()).dir();
        Files.delete(entry.resolve(EntryManifest.FILE));

        assertThat(get(cache()).built()).isFalse();
        assertThat(entry.resolve(EntryManifest.FILE)).exists();
        assertThat(reports).isEmpty();
        Files.write(entry.resolve("bin/guest.elf"), new byte[] {9});
        assertThat(get(cache()).built()).isTrue();
    }

    @Test
    void verifyNamesTheDamagedEntriesAndTheFile() throws IOException {
        Path entry = get(cache()).dir();
        CacheInventory inventory = new CacheInventory(root);
        assertThat(inventory.verify()).isEmpty();

        Files.write(entry.resolve("bin/guest.elf"), new byte[] {0, 2, 3, 4, 5, 6, 7, 8});

        assertThat(inventory.verify()).singleElement().satisfies(finding -> {
            assertThat(finding.key()).isEqualTo("key");
            assertThat(finding.damaged()).isTrue();
            assertThat(finding.problem()).startsWith("bin/guest.elf: SHA-256");
        });
    }
}
