package dev.wasrisc.build;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The build's folders as placeholders ({@code ${work}}, {@code ${platform}}, ...), so that a key
 * made from a command line does not depend on where the build happens to run, and an output
 * recorded under a placeholder can be put back under another build's folder. The longest folder
 * is replaced first: the work folder lies inside the cache.
 */
public final class PathPlaceholders {

    private record Folder(String path, String placeholder) {}

    private final List<Folder> folders;

    private PathPlaceholders(List<Folder> folders) {
        this.folders = folders;
    }

    /** @param folders placeholder name (without {@code ${}}) to folder */
    public static PathPlaceholders of(Map<String, Path> folders) {
        List<Folder> list = new ArrayList<>();
        new LinkedHashMap<>(folders).forEach((name, dir) ->
                list.add(new Folder(dir.toAbsolutePath().normalize().toString(), "${" + name + "}")));
        list.sort(Comparator.comparingInt((Folder folder) -> folder.path().length()).reversed());
        return new PathPlaceholders(List.copyOf(list));
    }

    /** The text with every folder replaced by its placeholder. */
    public String abstracted(String text) {
        String result = text;
        for (Folder folder : folders) {
            if (result.contains(folder.path())) {
                result = result.replace(folder.path(), folder.placeholder());
            }
        }
        return result;
    }

    /** A path under one of the folders, as a placeholder and the rest; the path itself when under none. */
    public String abstracted(Path path) {
        return abstracted(path.toAbsolutePath().normalize().toString());
    }

    /** The path {@link #abstracted(Path)} stands for, under this build's folders. */
    public Path concrete(String abstracted) {
        for (Folder folder : folders) {
            if (abstracted.startsWith(folder.placeholder())) {
                return Path.of(folder.path() + abstracted.substring(folder.placeholder().length()));
            }
        }
        return Path.of(abstracted);
    }

    /** Whether the path lies under one of the folders, so that it can be restored into another build. */
    public boolean covers(Path path) {
        return abstracted(path).startsWith("${");
    }
}
