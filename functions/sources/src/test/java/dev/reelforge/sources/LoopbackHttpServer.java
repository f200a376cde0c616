package dev.reelforge.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** The JDK's HTTP(S) server on a loopback address, counting the requests each path receives. */
final class LoopbackHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final String scheme;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private LoopbackHttpServer(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.start();
    }

    static LoopbackHttpServer http(String address, int port) {
        try {
            return new LoopbackHttpServer(
                    HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 0), "http");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LoopbackHttpServer http() {
        return http("127.0.0.1", 0);
    }

    /** An https server whose handshakes report the SNI host name the client sent to {@code sni}. */
    static LoopbackHttpServer https(SSLContext context, SNIMatcher sni) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters ssl = context.getDefaultSSLParameters();
                    ssl.setSNIMatchers(List.of(sni));
                    parameters.setSSLParameters(ssl);
                }
            });
            return new LoopbackHttpServer(server, "https");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void route(String path, HttpHandler handler) {
        AtomicInteger count = requests.computeIfAbsent(path, ignored -> new AtomicInteger());
        server.createContext(path, exchange -> {
            count.incrementAndGet();
            try (exchange) {
                handler.handle(exchange);
            } catch (IOException e) {
                // The client hung up, which several tests make it do on purpose.
            }
        });
    }

    int requests(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    int totalRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI uri(String host, String path) {
        return URI.create(scheme + "://" + host + ":" + port() + path);
    }

    URI uri(String path) {
        return uri("127.0.0.1", path);
    }

    static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
