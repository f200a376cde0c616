package dev.reelforge.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.runtime.priming.Priming;
import dev.reelforge.runtime.priming.PrimingSdkClients;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestPrimingTest {

    @Test
    void primingRequestsAnUploadAnsweredInProcessAndProbesARefusedUrlWithoutConnecting() {
        long answeredBefore = PrimingSdkClients.requestsAnswered();

        List<APIGatewayProxyResponseEvent> answers = IngestPriming.prime();

        assertThat(answers).extracting(APIGatewayProxyResponseEvent::getStatusCode).containsExactly(200, 400);
        JsonNode upload = Json.parseTrusted(answers.get(0).getBody()).path("data");
        assertThat(upload.path("type").asText()).isEqualTo("upload");
        assertThat(upload.path("attributes").path("url").asText()).startsWith("https://")
                .contains("X-Amz-Signature=");
        assertThat(Json.parseTrusted(answers.get(1).getBody()).path("response").asText()).startsWith("url ");
        // the source's PutItem only: the PUT is presigned locally, and the probe's URL is refused before a socket
        assertThat(PrimingSdkClients.requestsAnswered() - answeredBefore).isEqualTo(1);
    }

    @Test
    void theHookBothHandlersRegisterIsOnePerJvmAndPrimesAtTheCheckpoint() {
        Priming hook = IngestPriming.register();
        long answeredBefore = PrimingSdkClients.requestsAnswered();

        hook.beforeCheckpoint(null);

        assertThat(IngestPriming.register()).isSameAs(hook);
        assertThat(Priming.isRegistered(IngestPriming.NAME)).isTrue();
        assertThat(PrimingSdkClients.requestsAnswered() - answeredBefore).isEqualTo(1);
    }
}
