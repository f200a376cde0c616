package dev.reelforge.runtime.log;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One structured line: {@code timestamp} (RFC 3339, as Lambda's log-level filter reads it), {@code level},
 * {@code function}, {@code requestId}, {@code event}, then what applies of {@code owner}, {@code renderId},
 * {@code assetId}, {@code deliveryId} and {@code outcome}, the event's own fields, a failure as {@code errorType},
 * {@code errorMessage} and {@code stackTrace}, and metrics. A line with metrics is also a CloudWatch
 * embedded-metric-format document: its {@code _aws} member names each metric (namespace {@value
 * StructuredLog#NAMESPACE}; published per {@code outcome} when the line has one, and without dimensions, so one
 * alarm covers every outcome) and the values are top-level members.
 * Every string value passes through {@link Redaction#text}; no line spans two lines of output.
 */
public final class LogEvent {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_FRAMES = 40;
    private static final int MAX_CAUSES = 5;

    private record Metric(long value, MetricUnit unit) {}

    private final StructuredLog log;
    private final String name;
    private String owner;
    private String renderId;
    private String assetId;
    private String deliveryId;
    private String outcome;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private Throwable failure;

    LogEvent(StructuredLog log, String name) {
        this.log = log;
        this.name = name;
    }

    public LogEvent owner(String owner) {
        this.owner = owner;
        return this;
    }

    public LogEvent render(UUID renderId) {
        this.renderId = renderId == null ? null : renderId.toString();
        return this;
    }

    public LogEvent asset(UUID assetId) {
        this.assetId = assetId == null ? null : assetId.toString();
        return this;
    }

    public LogEvent delivery(String deliveryId) {
        this.deliveryId = deliveryId;
        return this;
    }

    /** What came of it, one word or snake_case words ({@code queued}, {@code retry_scheduled}). */
    public LogEvent outcome(String outcome) {
        this.outcome = outcome;
        return this;
    }

    /** A field of this event; left out when {@code value} is null. */
    public LogEvent field(String field, String value) {
        if (value != null) {
            fields.put(field, value);
        }
        return this;
    }

    public LogEvent field(String field, long value) {
        fields.put(field, value);
        return this;
    }

    /** The failure behind this event, with its causes. */
    public LogEvent failure(Throwable failure) {
        this.failure = failure;
        return this;
    }

    /** A metric of this event, extracted by CloudWatch (see the class comment). */
    public LogEvent metric(String metric, long value, MetricUnit unit) {
        metrics.put(metric, new Metric(value, unit));
        return this;
    }

    public void info() {
        write(LogLevel.INFO);
    }

    public void warn() {
        write(LogLevel.WARN);
    }

    public void error() {
        write(LogLevel.ERROR);
    }

    private void write(LogLevel level) {
        log.write(Json.write(toJson(level, log.clock().instant())));
    }

    ObjectNode toJson(LogLevel level, Instant now) {
        ObjectNode line = Json.object();
        line.put("timestamp", TIMESTAMP.format(now));
        line.put("level", level.name());
        putText(line, "function", log.function());
        putText(line, "requestId", log.requestId());
        putText(line, "event", name);
        putText(line, "owner", owner);
        putText(line, "renderId", renderId);
        putText(line, "assetId", assetId);
        putText(line, "deliveryId", deliveryId);
        putText(line, "outcome", outcome);
        fields.forEach((field, value) -> {
            if (value instanceof Long number) {
                line.put(field, number);
            } else {
                putText(line, field, (String) value);
            }
        });
        if (failure != null) {
            putFailure(line, failure);
        }
        if (!metrics.isEmpty()) {
            putMetrics(line, now);
        }
        return line;
    }

    private static void putText(ObjectNode line, String field, String value) {
        if (value != null) {
            line.put(field, Redaction.text(value));
        }
    }

    private static void putFailure(ObjectNode line, Throwable failure) {
        putText(line, "errorType", failure.getClass().getName());
        putText(line, "errorMessage", String.valueOf(failure.getMessage()));
        ArrayNode trace = line.putArray("stackTrace");
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = failure;
        for (int depth = 0; current != null && depth <= MAX_CAUSES && seen.add(current); depth++) {
            if (depth > 0) {
                trace.add("Caused by: " + describe(current));
            }
            StackTraceElement[] frames = current.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
                trace.add("at " + frames[i]);
            }
            if (frames.length > MAX_FRAMES) {
                trace.add("... " + (frames.length - MAX_FRAMES) + " more");
            }
            if (depth == 0) {
                for (Throwable suppressed : current.getSuppressed()) {
                    trace.add("Suppressed: " + describe(suppressed));
                }
            }
            current = current.getCause();
        }
    }

    private static String describe(Throwable failure) {
        return Redaction.text(failure.getClass().getName() + ": " + failure.getMessage());
    }

    private void putMetrics(ObjectNode line, Instant now) {
        List<String> names = new ArrayList<>(metrics.keySet());
        metrics.forEach((metric, value) -> line.put(metric, value.value()));
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", now.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", StructuredLog.NAMESPACE);
        ArrayNode dimensions = directive.putArray("Dimensions");
        if (outcome != null) {
            dimensions.addArray().add("outcome");
        }
        dimensions.addArray();
        ArrayNode definitions = directive.putArray("Metrics");
        for (String metric : names) {
            definitions.addObject().put("Name", metric).put("Unit", metrics.get(metric).unit().cloudWatchName());
        }
    }
}
