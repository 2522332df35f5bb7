package dev.wasrisc.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasrisc.build.Hashing;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledPlatformTest {

    private static final Path CHECKOUT_PLATFORM = Path.of("../platform").toAbsolutePath().normalize();

    @Test
    void extractsTheCheckoutsPlatformOnceIntoAFolderNamedByItsContent(@TempDir Path cache) throws Exception {
        Path first = BundledPlatform.extract(cache);
        Path second = BundledPlatform.extract(cache);

        assertThat(second).isEqualTo(first);
        assertThat(first.getParent()).isEqualTo(cache.resolve("platform"));
        // Same relative names and bytes as the checkout, so cache keys (which hash the platform by
        // relative path) are the same whichever of the two a session uses.
        assertThat(new Hashing().addTree(first).hex()).isEqualTo(new Hashing().addTree(CHECKOUT_PLATFORM).hex());
        assertThat(first.resolve("install-toolchain.sh")).isExecutable();
        assertThat(cache.resolve("tmp")).satisfiesAnyOf(
                tmp -> assertThat(tmp).doesNotExist(), tmp -> assertThat(tmp).isEmptyDirectory());
    }
}
