package dev.wasrisc.recipe;

import dev.wasrisc.build.Action;
import dev.wasrisc.build.Hashing;
import dev.wasrisc.exec.Command;
import dev.wasrisc.guest.BuildContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * One translation unit's compile as a cached action, keyed as ccache's preprocessor mode keys it:
 * by the compiler's command line and the preprocessed source, so every header the unit includes
 * (generated, the platform's, the tools') is in the key without being listed, and a unit whose text
 * did not change is not compiled again, whatever else in the build did.
 */
public final class CompileAction {

    private CompileAction() {}

    /**
     * Compiles {@code source} into {@code object}.
     *
     * @param compiler the compiler and its flags, without {@code -c}, the source or {@code -o}
     * @param unlisted files the unit reads that preprocessing does not show (an assembler's
     *     {@code .incbin})
     */
    public static void run(BuildContext context, String stage, List<String> compiler, Path source, Path object,
            List<Path> unlisted) throws IOException {
        Path preprocessed = object.resolveSibling(object.getFileName() + ".i");
        context.run("preprocess", Command.of().args(compiler).arg("-E").arg(source).arg("-o").arg(preprocessed));
        String digest = digest(context, preprocessed);
        Files.delete(preprocessed);
        Action compile = Action.of(stage, Command.of().args(compiler).arg("-c").arg(source).arg("-o").arg(object))
                .keyPart("preprocessed " + digest)
                .output(object);
        unlisted.forEach(compile::input);
        context.perform(compile);
    }

    /**
     * The preprocessed text's digest, with the build's folders abstracted in line markers: those
     * name where the build ran, which reaches the object only through {@code __FILE__} and debug
     * information, both mapped to fixed names ({@link BareMetalGcc#prefixMaps}).
     */
    private static String digest(BuildContext context, Path preprocessed) throws IOException {
        MessageDigest sha = Hashing.newSha256();
        // Latin-1 maps bytes to chars one to one, so any bytes in string literals survive.
        try (BufferedReader lines = Files.newBufferedReader(preprocessed, StandardCharsets.ISO_8859_1)) {
            String line;
            while ((line = lines.readLine()) != null) {
                String kept = line.startsWith("#") ? context.withoutBuildFolders(line) : line;
                sha.update(kept.getBytes(StandardCharsets.ISO_8859_1));
                sha.update((byte) '\n');
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
