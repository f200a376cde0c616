package dev.reelforge.runtime.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StructuredLogTest {

    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05.678Z");
    private static final UUID RENDER = UUID.fromString("0f3c2a36-9d1e-4c55-8d43-0d8a3f1b2c4d");

    private final List<String> lines = new ArrayList<>();
    private final StructuredLog log = new StructuredLog("reelforge-RenderWorkerFunction", "req-1", lines::add,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private JsonNode onlyLine() {
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).doesNotContain("\n").startsWith("{").endsWith("}");
        return Json.parseTrusted(lines.getFirst());
    }

    @Test
    void aLineNamesTheFunctionRequestIdsAndOutcome() {
        log.event("render.produced").owner("k3x9q0abcd").render(RENDER).outcome("encoding").field("jobId", "job-1")
                .info();

        JsonNode line = onlyLine();
        assertThat(line.path("timestamp").asText()).isEqualTo("2030-01-02T03:04:05.678Z");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("function").asText()).isEqualTo("reelforge-RenderWorkerFunction");
        assertThat(line.path("requestId").asText()).isEqualTo("req-1");
        assertThat(line.path("event").asText()).isEqualTo("render.produced");
        assertThat(line.path("owner").asText()).isEqualTo("k3x9q0abcd");
        assertThat(line.path("renderId").asText()).isEqualTo(RENDER.toString());
        assertThat(line.path("outcome").asText()).isEqualTo("encoding");
        assertThat(line.path("jobId").asText()).isEqualTo("job-1");
        assertThat(line.has("_aws")).isFalse();
    }

    @Test
    void aLineWithMetricsIsAnEmbeddedMetricFormatDocument() {
        log.event("callback.delivered").delivery("msg_abc").outcome("delivered").field("attempt", 2)
                .metric("CallbackDeliveryDuration", 125, MetricUnit.MILLISECONDS)
                .metric("CallbackAttempt", 2, MetricUnit.COUNT).info();

        JsonNode line = onlyLine();
        JsonNode aws = line.path("_aws");
        assertThat(aws.path("Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(aws.path("CloudWatchMetrics")).hasSize(1);
        JsonNode directive = aws.path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Reelforge");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"outcome\"],[]]");
        assertThat(directive.path("Metrics").toString()).isEqualTo("[{\"Name\":\"CallbackDeliveryDuration\","
                + "\"Unit\":\"Milliseconds\"},{\"Name\":\"CallbackAttempt\",\"Unit\":\"Count\"}]");
        assertThat(line.path("CallbackDeliveryDuration").isNumber()).isTrue();
        assertThat(line.path("CallbackDeliveryDuration").asLong()).isEqualTo(125);
        assertThat(line.path("CallbackAttempt").asLong()).isEqualTo(2);
        assertThat(line.path("outcome").asText()).as("the dimension's target member").isEqualTo("delivered");
    }

    @Test
    void metricsOfALineWithoutOutcomeHaveNoDimension() {
        log.event("asset.promoted").metric("PromotionFailures", 1, MetricUnit.COUNT).error();

        assertThat(onlyLine().at("/_aws/CloudWatchMetrics/0/Dimensions").toString()).isEqualTo("[[]]");
    }

    @Test
    void aFailureIsLoggedWithItsCausesAndWithoutTheSecretsOfItsMessages() {
        IllegalStateException failure = new IllegalStateException("could not copy",
                new RuntimeException("GET https://cdn.example.com/a.mp4?Expires=1&Signature=xyz&Key-Pair-Id=K "
                        + "signed with whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

        log.event("asset.promoted").outcome("retried").failure(failure).error();

        JsonNode line = onlyLine();
        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.path("errorMessage").asText()).isEqualTo("could not copy");
        assertThat(line.path("stackTrace").get(0).asText()).startsWith("at " + StructuredLogTest.class.getName());
        assertThat(line.path("stackTrace").toString()).contains("Caused by: java.lang.RuntimeException: "
                + "GET https://cdn.example.com/a.mp4?[redacted] signed with whsec_[redacted]");
        assertThat(lines.getFirst()).doesNotContain("Signature=").doesNotContain("xyz").doesNotContain("Key-Pair-Id")
                .doesNotContain("MfKQ9r8G");
    }

    @Test
    void everyStringFieldIsRedactedAndLineBreaksStayInsideTheLine() {
        log.event("encoding.recorded").field("encoderMessage", "cannot read https://u:p@host/x?token=t0k3n\nline two")
                .warn();

        JsonNode line = onlyLine();
        assertThat(line.path("encoderMessage").asText()).isEqualTo("cannot read https://host/x?[redacted]\nline two");
        assertThat(lines.getFirst()).doesNotContain("t0k3n").doesNotContain("u:p@");
    }
}
