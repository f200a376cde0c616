package dev.reelforge.local.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;

/**
 * Serves the files of a directory over HTTP on 127.0.0.1, as a user's media host would: what the demo and
 * the tests point their edits' sources at (the embedded stack fetches from loopback by default).
 */
public final class LoopbackFileServer implements AutoCloseable {

    private final HttpServer server;
    private final Path directory;

    private LoopbackFileServer(HttpServer server, Path directory) {
        this.server = server;
        this.directory = directory;
    }

    public static LoopbackFileServer serve(Path directory) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
            LoopbackFileServer files = new LoopbackFileServer(server, directory.toAbsolutePath().normalize());
            server.createContext("/", files::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve " + directory, e);
        }
    }

    /** The URL of a file of the directory. */
    public URI url(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = directory.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", contentType(file));
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        }
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".mp4") ? "video/mp4" : name.endsWith(".mp3") ? "audio/mpeg"
                : name.endsWith(".png") ? "image/png" : name.endsWith(".jpg") ? "image/jpeg" : "application/octet-stream";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
