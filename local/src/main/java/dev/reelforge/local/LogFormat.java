package dev.reelforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.runtime.log.Redaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How the embedded stack prints its log ({@code --log-format text|json}). Two kinds of line reach it: the
 * functions' lines, JSON objects as Lambda writes them with the JSON log format (structured events, metrics), and
 * the stack's own lines about itself (requests it served, invocations that failed, events it dropped), free text.
 * {@link #JSON} prints the functions' lines as they are and wraps the stack's in an object of the same shape
 * ({@code source: stack}); {@link #TEXT} prints both for a person:
 * {@code 12:00:01 INFO  SubmitRenderFunction render.submitted owner=... render=... outcome=queued}. Either way
 * the stack's own lines are redacted as the functions' are.
 */
public enum LogFormat {
    TEXT,
    JSON;

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Shown first, in this order, and under these names; the rest follow as logged. */
    private static final Map<String, String> LEADING = orderedNames();
    private static final Set<String> NOT_SHOWN_AS_FIELDS = Set.of("timestamp", "level", "function", "requestId",
            "event", "message", "source", "AWSRequestId", "_aws", "stackTrace");

    /** {@code --log-format}, text when it is not given. */
    static LogFormat of(CommandLine options) {
        return options.option("log-format").map(LogFormat::parse).orElse(TEXT);
    }

    static LogFormat parse(String name) {
        return switch (name) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("--log-format is text or json, not " + name);
        };
    }

    /** Prints each line of the stack's log to {@code out}, formatted. */
    public Consumer<String> printer(PrintStream out) {
        return line -> out.println(format(line));
    }

    /**
     * A stream each of whose lines becomes a line of the stack's log, for what libraries print on their own (DynamoDB
     * Local's banner, JDK logging warnings) when the log is to be JSON throughout.
     */
    static PrintStream lineStream(Consumer<String> log) {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
                    line.reset();
                    if (!text.isBlank()) {
                        log.accept(text);
                    }
                } else {
                    line.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    /** One line of the stack's log, formatted. */
    public String format(String line) {
        Optional<ObjectNode> functionLine = functionLine(line);
        return switch (this) {
            case JSON -> functionLine.map(object -> line).orElseGet(() -> Json.write(stackLine(line)));
            case TEXT -> text(functionLine.orElseGet(() -> stackLine(line)));
        };
    }

    private static Optional<ObjectNode> functionLine(String line) {
        if (!line.startsWith("{")) {
            return Optional.empty();
        }
        try {
            return Json.MAPPER.readTree(line) instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private static ObjectNode stackLine(String line) {
        return Json.object().put("timestamp", TIMESTAMP.format(Instant.now())).put("level", "INFO")
                .put("source", "stack").put("message", Redaction.text(line));
    }

    private static String text(ObjectNode line) {
        StringBuilder text = new StringBuilder();
        text.append(timeOfDay(line.path("timestamp").asText())).append(' ')
                .append(String.format(Locale.ROOT, "%-5s", line.path("level").asText("INFO"))).append(' ')
                .append(line.has("function") ? shortName(line.path("function").asText())
                        : "[" + line.path("source").asText("lambda") + "]");
        if (line.has("event")) {
            text.append(' ').append(line.path("event").asText());
        }
        if (line.has("message")) {
            text.append(' ').append(line.path("message").asText());
        }
        Map<String, String> units = metricUnits(line);
        LEADING.forEach((field, shown) -> appendField(text, shown, line.get(field), units.get(field)));
        for (Map.Entry<String, JsonNode> field : line.properties()) {
            if (!LEADING.containsKey(field.getKey()) && !NOT_SHOWN_AS_FIELDS.contains(field.getKey())) {
                appendField(text, field.getKey(), field.getValue(), units.get(field.getKey()));
            }
        }
        line.path("stackTrace").forEach(frame -> text.append(System.lineSeparator()).append("    ")
                .append(frame.asText()));
        return text.toString();
    }

    private static void appendField(StringBuilder text, String name, JsonNode value, String unit) {
        if (value == null || value.isNull()) {
            return;
        }
        text.append(' ').append(name).append('=');
        if (value.isNumber()) {
            text.append(value.asText()).append("Milliseconds".equals(unit) ? "ms" : "");
        } else if (value.isTextual() && !value.asText().isEmpty() && value.asText().chars()
                .noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '=')) {
            text.append(value.asText());
        } else {
            text.append(value);
        }
    }

    /** Each metric of an embedded-metric-format line, by name, with its unit. */
    private static Map<String, String> metricUnits(ObjectNode line) {
        Map<String, String> units = new HashMap<>();
        line.path("_aws").path("CloudWatchMetrics").forEach(directive -> directive.path("Metrics").forEach(metric ->
                units.put(metric.path("Name").asText(), metric.path("Unit").asText("None"))));
        return units;
    }

    private static String timeOfDay(String timestamp) {
        try {
            return TIME_OF_DAY.format(Instant.parse(timestamp).atZone(ZoneId.systemDefault()));
        } catch (DateTimeParseException unreadable) {
            return TIME_OF_DAY.format(Instant.now().atZone(ZoneId.systemDefault()));
        }
    }

    /** A function's logical id: its name is {@code <stack>-<logical id>} (template.yaml names none itself). */
    private static String shortName(String functionName) {
        return functionName.substring(functionName.lastIndexOf('-') + 1);
    }

    private static Map<String, String> orderedNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("owner", "owner");
        names.put("renderId", "render");
        names.put("assetId", "asset");
        names.put("deliveryId", "delivery");
        names.put("outcome", "outcome");
        return names;
    }
}
