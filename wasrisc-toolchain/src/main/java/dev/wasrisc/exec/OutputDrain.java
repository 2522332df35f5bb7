package dev.wasrisc.exec;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/** A thread copying one of a process's output streams into a bounded sink until end of file. */
final class OutputDrain {

    private final Thread thread;
    private volatile IOException failure;

    private OutputDrain(InputStream from, BoundedOutputStream to, Runnable onFailure, String name) {
        this.thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (from) {
                for (int n; (n = from.read(buffer)) >= 0; ) {
                    to.write(buffer, 0, n);
                }
            } catch (IOException e) {
                failure = e;
                onFailure.run();
            } catch (RuntimeException | Error e) {
                failure = new IOException(name + " drain failed: " + e, e);
                onFailure.run();
            }
        }, "wasrisc-" + name);
        thread.setDaemon(true);
    }

    static OutputDrain start(InputStream from, BoundedOutputStream to, Runnable onFailure, String name) {
        OutputDrain drain = new OutputDrain(from, to, onFailure, name);
        drain.thread.start();
        return drain;
    }

    /** Whether the stream ended within {@code limit}. */
    boolean await(Duration limit) throws InterruptedException {
        thread.join(limit.toMillis());
        return !thread.isAlive();
    }

    IOException failure() {
        return failure;
    }
}
