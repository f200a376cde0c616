package dev.reelforge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.media.BundledFfmpeg;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./reelforge invoke} against a running stack: the function runs in the command's process, and the command
 * tells the stack, through its control endpoint, which tables the function may have written, so that their stream
 * pollers read at once, as after a run of the stack's own (they would otherwise find the records at their idle read).
 */
class InvokeCommandIT {

    @TempDir
    Path dataDirectory;
    private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();

    private LocalStack start() {
        return LocalStack.start(new LocalStack.Options(ProjectFiles.template(), dataDirectory, 0, log::add, true,
                Optional.of(BundledFfmpeg.extractTo(Path.of("target", "render-it-ffmpeg"))), Map.of()));
    }

    private List<String> wakeLines() {
        return log.stream().filter(line -> line.startsWith("control: the stream pollers of ")).toList();
    }

    @Test
    void aFunctionInvokedAgainstARunningStackWakesTheStreamPollersOfTheTablesItMayWrite() throws Exception {
        try (LocalStack stack = start()) {
            int status = InvokeCommand.run(CommandLine.parse(new ArrayDeque<>(List.of("SubmitRenderFunction",
                    "-e", ProjectFiles.root().resolve("events/SubmitRenderFunction/post-render.json").toString(),
                    "--data-dir", dataDirectory.toString(), "--template", ProjectFiles.template().toString()))));

            assertThat(status).isZero();
            assertThat(wakeLines()).singleElement().asString().contains("RendersTable");
        }
    }

    @Test
    void theControlEndpointWakesTheNamedTablesThatHavePollersAndRefusesAMalformedBody() throws Exception {
        try (LocalStack stack = start();
                HttpClient http = HttpClient.newHttpClient()) {
            URI wake = stack.descriptor().services().get(LocalStack.CONTROL_SERVICE).resolve("/streams/wake");

            HttpResponse<String> woken = post(http, wake,
                    "{\"tables\": [\"RendersTable\", \"AccountsTable\", \"NoSuchTable\", \"RendersTable\"]}");
            HttpResponse<String> malformed = post(http, wake, "{\"tables\": \"RendersTable\"}");

            assertThat(woken.statusCode()).as(woken.body()).isEqualTo(200);
            JsonNode answer = Json.MAPPER.readTree(woken.body());
            assertThat(answer.path("woken")).as("tables without pollers are left out")
                    .containsExactly(Json.MAPPER.getNodeFactory().textNode("RendersTable"));
            assertThat(wakeLines()).containsExactly(
                    "control: the stream pollers of RendersTable read now, for writes made outside the stack");
            assertThat(malformed.statusCode()).as(malformed.body()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(malformed.body()).path("message").asText()).contains("\"tables\"");
        }
    }

    private static HttpResponse<String> post(HttpClient http, URI uri, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
