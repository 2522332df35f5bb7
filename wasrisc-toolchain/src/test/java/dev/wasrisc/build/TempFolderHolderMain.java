package dev.wasrisc.build;

import java.nio.file.Files;
import java.nio.file.Path;

/** For {@link TempFoldersTest}: makes a build's temporary folder in TMP, fills it, prints it, and waits to be killed. */
public final class TempFolderHolderMain {

    private TempFolderHolderMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = TempFolders.create(Path.of(args[0]), "go-hello_world-wasm2c-O2-0123");
        Files.write(dir.resolve("guest.c"), new byte[1 << 20]);
        System.out.println(dir);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
