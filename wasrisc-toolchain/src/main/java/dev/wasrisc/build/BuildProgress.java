package dev.wasrisc.build;

/**
 * Hears about build steps as they start and end, to show what a long build is doing. The command
 * line prints every step ({@code ConsoleProgress}); a test run prints only steps that take long
 * ({@link HeartbeatProgress}).
 */
public interface BuildProgress {

    /** A step starts; the returned handle is closed when it ends. */
    Step started(String what);

    /** One running step. */
    interface Step extends AutoCloseable {
        @Override
        void close();
    }

    static BuildProgress silent() {
        return what -> () -> {};
    }
}
