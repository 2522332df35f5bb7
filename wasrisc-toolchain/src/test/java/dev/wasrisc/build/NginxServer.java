package dev.wasrisc.build;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real HTTP store for the remote cache tests: Debian's nginx with WebDAV PUT, as a private
 * instance on 127.0.0.1 and a free port, its files in a folder of the test's.
 */
public final class NginxServer implements AutoCloseable {

    public static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Path dir;
    private final int port;
    private Process process;

    private NginxServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isExecutable(NGINX);
    }

    public static NginxServer start(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        NginxServer server = new NginxServer(dir, port);
        Files.createDirectories(dir.resolve("store"));
        Files.writeString(dir.resolve("nginx.conf"), server.config());
        server.start();
        return server;
    }

    private String config() {
        // Running as root, workers would be "nobody", who cannot write in the test's folder.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return user + """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    client_max_body_size 0;
                    server {
                        listen 127.0.0.1:%2$d;
                        root %1$s/store;
                        location / {
                            dav_methods PUT;
                            create_full_put_path on;
                        }
                    }
                }
                """.formatted(dir, port);
    }

    /** Starts (again, after {@link #stop}) on the same port and store. */
    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("nginx ended at start: " + Files.readString(dir.resolve("nginx.out")));
                }
                Thread.sleep(50);
            }
        }
        throw new IOException("nginx did not listen on port " + port + " within 10 s");
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/cache/");
    }

    /** The files the server stores. */
    public Path store() {
        return dir.resolve("store").resolve("cache");
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
