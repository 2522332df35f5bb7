package dev.wasrisc.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding an engine is bounded in time, whatever sits at the socket: real sockets, no Docker needed. */
class DockerEngineTest {

    @TempDir
    Path dir;

    @Test
    void noSocketMeansNoEngineAtOnce() {
        long start = System.nanoTime();

        assertThat(DockerEngine.find(List.of(URI.create("unix://" + dir.resolve("docker.sock"))), Duration.ofSeconds(1)))
                .isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void anEngineThatAcceptsButNeverAnswersCostsOnlyThePingTimeout() throws Exception {
        Path socket = dir.resolve("hung.sock");
        try (ServerSocketChannel hung = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            hung.bind(UnixDomainSocketAddress.of(socket));
            long start = System.nanoTime();

            assertThat(DockerEngine.find(List.of(URI.create("unix://" + socket)), Duration.ofMillis(800))).isEmpty();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(700), Duration.ofSeconds(2));
        }
    }

    @Test
    void theFirstEndpointThatAnswersPingIsTheEngine() throws Exception {
        Path socket = dir.resolve("engine.sock");
        try (ServerSocketChannel engine = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            engine.bind(UnixDomainSocketAddress.of(socket));
            Thread server = new Thread(() -> {
                try (SocketChannel client = engine.accept()) {
                    client.read(ByteBuffer.allocate(256));
                    client.write(ByteBuffer.wrap("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK"
                            .getBytes(StandardCharsets.US_ASCII)));
                } catch (java.io.IOException e) {
                    // the test's assertion says what went wrong
                }
            });
            server.start();

            assertThat(DockerEngine.find(List.of(URI.create("unix://" + dir.resolve("absent.sock")),
                    URI.create("unix://" + socket)), Duration.ofSeconds(2)))
                    .hasValueSatisfying(found -> assertThat(found.host()).isEqualTo(URI.create("unix://" + socket)));
            server.join(2000);
        }
    }
}
