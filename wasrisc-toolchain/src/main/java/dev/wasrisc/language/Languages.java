package dev.wasrisc.language;

import dev.wasrisc.guest.Language;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Every guest language the project knows. */
public final class Languages {

    private static final Language C = new CLanguage();
    private static final Language GO = new GoLanguage();
    private static final Language RUST = new RustLanguage();
    private static final Language WASM = new WasmLanguage();

    public static final List<Language> ALL = List.of(C, GO, RUST, WASM);

    /**
     * Manifests first: a Go or Rust guest may hold C files too (the implementation of its own
     * imports), while {@code go.mod} or {@code Cargo.toml} says what the guest is; a
     * {@code module.wasm} is a prebuilt guest whatever else lies beside it.
     */
    public static final List<Language> DETECTION_ORDER = List.of(GO, RUST, WASM, C);

    private Languages() {}

    public static Optional<Language> detect(Path guestDir) {
        return DETECTION_ORDER.stream().filter(language -> language.recognizes(guestDir)).findFirst();
    }
}
