package dev.reelforge.local.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.clock.LocalClock;
import dev.reelforge.local.events.StreamWakeups;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

/**
 * The embedded stack's own control endpoint, on a loopback port of its own (local.json names it
 * {@code services.control}), for commands that act on a running stack:
 * <ul>
 *   <li>{@code GET /clock}: {@code {"now": "<instant>", "offset": "<ISO-8601 duration>"}}</li>
 *   <li>{@code POST /clock/advance} with {@code {"by": "PT25H"}}: moves the clock forward, applies what is
 *       due (the lifecycle rules) before answering, and answers the new time with {@code "effects"}, one line
 *       per object expired or upload aborted; 400 for a malformed or negative duration.</li>
 *   <li>{@code POST /streams/wake} with {@code {"tables": ["RendersTable"]}} (logical ids): the stream pollers of
 *       those tables read at once, as after a function of the stack wrote to them. {@code ./reelforge invoke} runs
 *       a function in its own process and announces its writes so. Answers {@code {"woken": [...]}}, the tables
 *       named that have pollers; 400 for a malformed body.</li>
 * </ul>
 * It is not on the API port: that port answers exactly as API Gateway would, and API Gateway has no such routes.
 */
public final class ControlServer implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 4096;

    private final HttpServer server;
    private final ExecutorService executor;
    private final LocalClock clock;
    private final Map<String, StreamWakeups> streamWakeups;
    private final Consumer<String> log;

    private ControlServer(HttpServer server, ExecutorService executor, LocalClock clock,
            Map<String, StreamWakeups> streamWakeups, Consumer<String> log) {
        this.server = server;
        this.executor = executor;
        this.clock = clock;
        this.streamWakeups = streamWakeups;
        this.log = log;
    }

    /**
     * Listens on a free loopback port.
     *
     * @param streamWakeups the wake-ups of each table's stream pollers, by the table's logical id
     * @param log           the stack's log, told of the streams a command woke
     */
    public static ControlServer start(LocalClock clock, Map<String, StreamWakeups> streamWakeups,
            Consumer<String> log) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            ControlServer control = new ControlServer(server, executor, clock, Map.copyOf(streamWakeups), log);
            server.createContext("/", control::handle);
            server.setExecutor(executor);
            server.start();
            return control;
        } catch (IOException e) {
            throw new UncheckedIOException("the control endpoint cannot listen", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) {
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        try {
            switch (route) {
                case "GET /clock" -> answer(exchange, 200, time(clock.instant().toString(), clock.offset()));
                case "POST /clock/advance" -> advance(exchange);
                case "POST /streams/wake" -> wakeStreams(exchange);
                default -> answer(exchange, 404, message("no such control: " + route
                        + " (GET /clock, POST /clock/advance, POST /streams/wake)"));
            }
        } catch (RuntimeException e) {
            answer(exchange, 500, message(e.toString()));
        } finally {
            exchange.close();
        }
    }

    private void advance(HttpExchange exchange) {
        Duration by;
        try {
            JsonNode body = Json.MAPPER.readTree(read(exchange.getRequestBody()));
            by = Duration.parse(body.path("by").asText());
        } catch (IOException | DateTimeParseException e) {
            answer(exchange, 400, message("expected {\"by\": \"<ISO-8601 duration, such as PT25H or P2D>\"}"));
            return;
        }
        if (by.isNegative()) {
            answer(exchange, 400, message("the clock only moves forward; " + by + " is negative"));
            return;
        }
        LocalClock.Advance advance = clock.advance(by);
        ObjectNode answer = time(advance.now().toString(), advance.offset());
        var effects = answer.putArray("effects");
        advance.effects().forEach(effects::add);
        answer(exchange, 200, answer);
    }

    private void wakeStreams(HttpExchange exchange) {
        JsonNode tables;
        try {
            tables = Json.MAPPER.readTree(read(exchange.getRequestBody())).path("tables");
        } catch (IOException e) {
            tables = null;
        }
        if (tables == null || !tables.isArray() || !StreamSupport.stream(tables.spliterator(), false)
                .allMatch(JsonNode::isTextual)) {
            answer(exchange, 400, message("expected {\"tables\": [\"<table logical id>\", ...]}"));
            return;
        }
        Set<String> woken = new TreeSet<>();
        tables.forEach(table -> {
            StreamWakeups wakeups = streamWakeups.get(table.asText());
            if (wakeups != null && woken.add(table.asText())) {
                wakeups.wake();
            }
        });
        if (!woken.isEmpty()) {
            log.accept("control: the stream pollers of " + String.join(", ", woken)
                    + " read now, for writes made outside the stack");
        }
        ObjectNode answer = Json.object();
        ArrayNode list = answer.putArray("woken");
        woken.forEach(list::add);
        answer(exchange, 200, answer);
    }

    private static String read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw new IOException("body too large");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static ObjectNode time(String now, Duration offset) {
        return Json.object().put("now", now).put("offset", offset.toString());
    }

    private static ObjectNode message(String text) {
        return Json.object().put("message", text);
    }

    private static void answer(HttpExchange exchange, int status, ObjectNode body) {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the caller went away; nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
