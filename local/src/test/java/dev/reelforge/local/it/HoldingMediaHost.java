package dev.reelforge.local.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A user's media host on 127.0.0.1 serving one PNG under any name. It can hold requests unanswered, to catch the
 * worker fetching sources, and answers every one it holds once released. It remembers the paths it was asked for.
 */
final class HoldingMediaHost implements AutoCloseable {

    private final HttpServer server;
    private final byte[] png = png();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private final AtomicInteger holding = new AtomicInteger();
    private volatile CountDownLatch release = new CountDownLatch(0);

    private HoldingMediaHost(HttpServer server) {
        this.server = server;
    }

    static HoldingMediaHost start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            HoldingMediaHost host = new HoldingMediaHost(server);
            server.createContext("/", host::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return host;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return url("still.png");
    }

    URI url(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name);
    }

    /** From now on, requests wait unanswered until {@link #release()}. */
    void holdRequests() {
        release = new CountDownLatch(1);
    }

    /** How many requests wait unanswered now. */
    int holding() {
        return holding.get();
    }

    void release() {
        release.countDown();
    }

    /** The paths asked for, in the order the requests came. */
    List<String> requested() {
        return List.copyOf(requested);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requested.add(exchange.getRequestURI().getPath());
            CountDownLatch gate = release;
            holding.incrementAndGet();
            try {
                if (!gate.await(5, TimeUnit.MINUTES)) {
                    return;
                }
            } finally {
                holding.decrementAndGet();
            }
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(png);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the stack that asked was killed, or gave the fetch up
        }
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, 320, 180);
        graphics.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
