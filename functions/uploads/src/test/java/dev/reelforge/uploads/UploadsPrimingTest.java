package dev.reelforge.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.runtime.priming.Priming;
import dev.reelforge.runtime.priming.PrimingSdkClients;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadsPrimingTest {

    @Test
    void primingRequestsAnUploadAndReadsAPhotoAnsweredInProcess() {
        long answeredBefore = PrimingSdkClients.requestsAnswered();

        List<APIGatewayProxyResponseEvent> answers = UploadsPriming.prime();

        assertThat(answers).extracting(APIGatewayProxyResponseEvent::getStatusCode).containsExactly(200, 404);
        JsonNode requested = Json.parseTrusted(answers.get(0).getBody());
        assertThat(requested.path("method").asText()).isEqualTo("PUT");
        assertThat(requested.path("upload_url").asText()).startsWith("https://").contains("X-Amz-Signature=");
        assertThat(answers.get(1).getBody()).contains("photo");
        // the upload's PutItem and the photo's GetItem, marshalled, signed and answered without a socket
        assertThat(PrimingSdkClients.requestsAnswered() - answeredBefore).isEqualTo(2);
    }

    @Test
    void theHookEveryUploadHandlerRegistersIsOnePerJvmAndPrimesAtTheCheckpoint() {
        Priming hook = UploadsPriming.register();
        long answeredBefore = PrimingSdkClients.requestsAnswered();

        hook.beforeCheckpoint(null);

        assertThat(UploadsPriming.register()).isSameAs(hook);
        assertThat(Priming.isRegistered(UploadsPriming.NAME)).isTrue();
        assertThat(PrimingSdkClients.requestsAnswered() - answeredBefore).isEqualTo(2);
    }
}
