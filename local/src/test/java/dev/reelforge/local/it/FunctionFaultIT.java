package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.FunctionVariables;
import dev.reelforge.local.LocalRuntime;
import dev.reelforge.local.LocalCredentials;
import dev.reelforge.local.ProjectFiles;
import dev.reelforge.local.ServiceEndpoints;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.services.LoopbackPorts;
import dev.reelforge.local.template.FunctionDefinition;
import dev.reelforge.local.template.SamTemplate;
import dev.reelforge.local.template.StackIdentity;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * When DynamoDB cannot be reached (a real fault: nothing listens on the endpoint), the functions answer
 * a generic 500 in the Shotstack envelope that names the request id and nothing of the failure; the log has the
 * failure, with both request ids.
 */
class FunctionFaultIT {

    @Test
    void anUnreachableDatabaseIsAGeneric500NamingTheRequestIdAndLoggedInFull() throws Exception {
        LocalCredentials.installAsDefault();
        URI nothingListens = URI.create("http://127.0.0.1:" + LoopbackPorts.free());
        FunctionDefinition definition = SamTemplate.load(ProjectFiles.template()).function("SubmitRenderFunction").orElseThrow();
        List<String> log = new CopyOnWriteArrayList<>();
        LocalFunction function = LocalFunction.initialize(definition,
                FunctionVariables.of(definition, new ServiceEndpoints(nothingListens, nothingListens, nothingListens,
                                nothingListens, nothingListens, nothingListens, Map.of()),
                        StackIdentity.LOCAL, new LocalRuntime(Path.of("ffmpeg"), Path.of("work"), true)),
                FunctionVariables.arnOf(definition, StackIdentity.LOCAL), log::add);
        APIGatewayProxyRequestEvent event = LambdaJson.fromJson(
                Files.readString(ProjectFiles.events().resolve("SubmitRenderFunction/post-render.json")),
                APIGatewayProxyRequestEvent.class);

        APIGatewayProxyResponseEvent response = (APIGatewayProxyResponseEvent) function.invoke(event, "lambda-req-1");

        assertThat(response.getStatusCode()).isEqualTo(500);
        JsonNode body = Json.MAPPER.readTree(response.getBody());
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("message").asText()).isEqualTo("Internal Server Error");
        assertThat(body.path("response").asText()).contains(event.getRequestContext().getRequestId());
        assertThat(response.getBody()).doesNotContainIgnoringCase("exception").doesNotContain("127.0.0.1")
                .doesNotContain("dynamodb");
        assertThat(log).singleElement().satisfies(line -> {
            JsonNode logged = Json.MAPPER.readTree(line);
            assertThat(logged.path("level").asText()).isEqualTo("ERROR");
            assertThat(logged.path("event").asText()).isEqualTo("api.request");
            assertThat(logged.path("outcome").asText()).isEqualTo("failed");
            assertThat(logged.path("status").asInt()).isEqualTo(500);
            assertThat(logged.path("requestId").asText()).isEqualTo("lambda-req-1");
            assertThat(logged.path("apiRequestId").asText()).isEqualTo(event.getRequestContext().getRequestId());
            assertThat(logged.path("owner").asText()).isNotEmpty();
            assertThat(logged.path("errorType").asText()).contains("Exception");
            assertThat(logged.path("stackTrace")).isNotEmpty();
            assertThat(line).doesNotContain(event.getHeaders().get("x-api-key")).doesNotContain("Content-Type");
        });
    }
}
