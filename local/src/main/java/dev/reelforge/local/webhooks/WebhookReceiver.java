package dev.reelforge.local.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelforge.core.callback.WebhookSecret;
import dev.reelforge.core.callback.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A user's webhook endpoint on 127.0.0.1, as the embedded stack's callbacks meet it: it checks each callback's
 * Standard Webhooks signature with the owner's secret (by the stack's clock, since the sender signs by it), keeps
 * what arrived, and answers with a status that can be changed to play a receiver that is down.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST as it arrived, and whether its signature checked out. */
    public record Received(String webhookId, Map<String, String> headers, String body, boolean verified,
            String verification, int answered, Instant at) {}

    private final HttpServer server;
    private final WebhookVerifier verifier;
    private final List<WebhookSecret> secrets;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Consumer<Received> watcher;
    private volatile int status = 204;

    private WebhookReceiver(HttpServer server, List<WebhookSecret> secrets, Clock clock, Consumer<Received> watcher) {
        this.server = server;
        this.verifier = new WebhookVerifier(clock);
        this.secrets = List.copyOf(secrets);
        this.clock = clock;
        this.watcher = watcher;
    }

    /** Listens on a free loopback port; {@code watcher} hears of each callback as it arrives. */
    public static WebhookReceiver start(List<WebhookSecret> secrets, Clock clock, Consumer<Received> watcher) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            WebhookReceiver receiver = new WebhookReceiver(server, secrets, clock, watcher);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback", e);
        }
    }

    /** Where callbacks are to be sent: put it in an edit's {@code callback}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/reelforge");
    }

    /** The status to answer from now on: 2xx accepts, 500 or 503 plays a receiver that is down, 410 opts out. */
    public void answer(int status) {
        this.status = status;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            WebhookVerifier.Verification verification = verifier.verify(headers, body, secrets);
            int answered = status;
            Received callback = new Received(headers.getOrDefault("webhook-id", ""), headers, body,
                    verification instanceof WebhookVerifier.Verification.Verified,
                    verification instanceof WebhookVerifier.Verification.Rejected rejected ? rejected.reason() : "verified",
                    answered, clock.instant());
            received.add(callback);
            watcher.accept(callback);
            exchange.sendResponseHeaders(answered, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
