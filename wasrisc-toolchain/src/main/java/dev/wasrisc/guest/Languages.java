package dev.wasrisc.guest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every guest language the project knows. */
public final class Languages {

    public static final List<Language> ALL = List.of(new CLanguage(), new GoLanguage(), new RustLanguage());

    private Languages() {}

    public static Optional<Language> detect(Path guestDir) {
        return ALL.stream().filter(language -> language.recognizes(guestDir)).findFirst();
    }
}
