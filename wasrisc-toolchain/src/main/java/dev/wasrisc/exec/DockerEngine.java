package dev.wasrisc.exec;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TransportConfig;

/**
 * Finds a Docker engine that answers, within a bounded time, and connects to it through
 * Testcontainers' transport. Testcontainers' own discovery is not asked first: with no engine it
 * tries strategy after strategy, and its client starts the Ryuk container, which needs a registry.
 */
public final class DockerEngine {

    /** How long one endpoint may take to answer {@code GET /_ping}. */
    public static final Duration PING_TIMEOUT = Duration.ofMillis(1500);

    private final URI host;

    private DockerEngine(URI host) {
        this.host = host;
    }

    public URI host() {
        return host;
    }

    /** The engine of DOCKER_HOST, or else of the first well-known socket that answers. */
    public static Optional<DockerEngine> find() {
        String configured = System.getenv("DOCKER_HOST");
        if (configured != null && !configured.isBlank()) {
            return find(List.of(URI.create(configured)), PING_TIMEOUT);
        }
        return find(wellKnownSockets(), PING_TIMEOUT);
    }

    static Optional<DockerEngine> find(List<URI> candidates, Duration timeout) {
        for (URI candidate : candidates) {
            if (answers(candidate, timeout)) {
                return Optional.of(new DockerEngine(candidate));
            }
        }
        return Optional.empty();
    }

    /** Linux's socket, then those of Docker Desktop, Colima, Rancher Desktop and Podman on a user's machine. */
    static List<URI> wellKnownSockets() {
        String home = System.getProperty("user.home");
        List<URI> sockets = new ArrayList<>();
        for (String socket : List.of("/var/run/docker.sock", home + "/.docker/run/docker.sock",
                home + "/.docker/desktop/docker.sock", home + "/.colima/default/docker.sock", home + "/.rd/docker.sock",
                "/run/user/" + uid() + "/docker.sock", "/run/user/" + uid() + "/podman/podman.sock")) {
            sockets.add(URI.create("unix://" + socket));
        }
        return sockets;
    }

    private static String uid() {
        try {
            return String.valueOf(Files.getAttribute(Path.of(System.getProperty("user.home")), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "0";
        }
    }

    static boolean answers(URI endpoint, Duration timeout) {
        try {
            String reply = switch (endpoint.getScheme()) {
                case "unix" -> pingUnix(Path.of(endpoint.getPath()), timeout);
                case "tcp", "http" -> pingTcp(endpoint, timeout);
                default -> "";
            };
            return reply.startsWith("HTTP/1.") && reply.contains(" 200 ");
        } catch (IOException e) {
            return false;
        }
    }

    private static final byte[] PING = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static String pingUnix(Path socket, Duration timeout) throws IOException {
        if (!Files.exists(socket)) {
            return "";
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
             Selector selector = Selector.open()) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(PING));
            // A listener that accepts and never answers (a hung engine) must not stall the caller.
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer reply = ByteBuffer.allocate(256);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (reply.position() < 16) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                selector.select(left);
                selector.selectedKeys().clear();
                if (channel.read(reply) < 0) {
                    break;
                }
            }
            return new String(reply.array(), 0, reply.position(), StandardCharsets.US_ASCII);
        }
    }

    private static String pingTcp(URI endpoint, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(PING);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(16), StandardCharsets.US_ASCII);
        }
    }

    /**
     * A client of this engine. DOCKER_HOST with TLS settings is left to Testcontainers' discovery,
     * which reads DOCKER_TLS_VERIFY and DOCKER_CERT_PATH; the engine is known to answer by then.
     */
    public DockerClient client() {
        TransportConfig transport = System.getenv("DOCKER_TLS_VERIFY") != null
                ? DockerClientFactory.instance().getTransportConfig()
                : TransportConfig.builder().dockerHost(host).build();
        return DockerClientProviderStrategy.getClientForConfig(transport);
    }
}
