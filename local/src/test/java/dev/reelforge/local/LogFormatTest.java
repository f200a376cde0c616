package dev.reelforge.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class LogFormatTest {

    private static final String SUBMITTED = "{\"timestamp\":\"2030-01-02T03:04:05.678Z\",\"level\":\"INFO\","
            + "\"function\":\"reelforge-SubmitRenderFunction\",\"requestId\":\"req-1\",\"event\":\"render.submitted\","
            + "\"owner\":\"k3x9q0abcd\",\"renderId\":\"0f3c2a36-9d1e-4c55-8d43-0d8a3f1b2c4d\",\"outcome\":\"queued\"}";
    private static final String FINISHED = "{\"timestamp\":\"2030-01-02T03:04:05.678Z\",\"level\":\"INFO\","
            + "\"function\":\"reelforge-DispatchCallbacksFunction\",\"requestId\":\"req-2\",\"event\":\"render.finished\","
            + "\"outcome\":\"done\",\"RenderDuration\":1234,\"_aws\":{\"Timestamp\":1893553445678,\"CloudWatchMetrics\":"
            + "[{\"Namespace\":\"Reelforge\",\"Dimensions\":[[\"outcome\"],[]],\"Metrics\":[{\"Name\":\"RenderDuration\","
            + "\"Unit\":\"Milliseconds\"}]}]}}";

    private static String localTime() {
        return DateTimeFormatter.ofPattern("HH:mm:ss")
                .format(Instant.parse("2030-01-02T03:04:05.678Z").atZone(ZoneId.systemDefault()));
    }

    @Test
    void textShowsAFunctionsEventWithItsIdsAndOutcome() {
        assertThat(LogFormat.TEXT.format(SUBMITTED)).isEqualTo(localTime() + " INFO  SubmitRenderFunction "
                + "render.submitted owner=k3x9q0abcd render=0f3c2a36-9d1e-4c55-8d43-0d8a3f1b2c4d outcome=queued");
    }

    @Test
    void textShowsMetricsWithTheirUnitAndFailuresWithTheirTrace() {
        assertThat(LogFormat.TEXT.format(FINISHED)).isEqualTo(localTime()
                + " INFO  DispatchCallbacksFunction render.finished outcome=done RenderDuration=1234ms");
        String failed = "{\"timestamp\":\"2030-01-02T03:04:05.678Z\",\"level\":\"ERROR\",\"function\":\"reelforge-X\","
                + "\"event\":\"api.request\",\"outcome\":\"failed\",\"errorMessage\":\"no table\","
                + "\"stackTrace\":[\"at a.B.c(B.java:1)\"]}";
        assertThat(LogFormat.TEXT.format(failed)).isEqualTo(localTime() + " ERROR X api.request outcome=failed "
                + "errorMessage=\"no table\"" + System.lineSeparator() + "    at a.B.c(B.java:1)");
    }

    @Test
    void jsonPrintsAFunctionsLineAsLambdaWroteIt() {
        assertThat(LogFormat.JSON.format(FINISHED)).isEqualTo(FINISHED);
    }

    @Test
    void theStacksOwnLinesAreRedactedAndOfTheSameShape() {
        String line = LogFormat.JSON.format("GET /edit/v1/render/x?Signature=abc&Key-Pair-Id=K 200 5ms");

        JsonNode object = Json.parseTrusted(line);
        assertThat(object.path("source").asText()).isEqualTo("stack");
        assertThat(object.path("level").asText()).isEqualTo("INFO");
        assertThat(object.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(object.path("message").asText())
                .isEqualTo("GET /edit/v1/render/x?[redacted] 200 5ms");
        assertThat(LogFormat.TEXT.format("RenderWorkerFunction failed 3 times")).endsWith(
                " INFO  [stack] RenderWorkerFunction failed 3 times");
    }

    @Test
    void aFormatIsTextOrJson() {
        assertThat(LogFormat.parse("json")).isEqualTo(LogFormat.JSON);
        assertThat(LogFormat.parse("text")).isEqualTo(LogFormat.TEXT);
        assertThatThrownBy(() -> LogFormat.parse("xml")).hasMessage("--log-format is text or json, not xml");
    }
}
