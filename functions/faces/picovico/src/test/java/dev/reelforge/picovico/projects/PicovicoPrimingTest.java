package dev.reelforge.picovico.projects;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.core.json.Json;
import dev.reelforge.runtime.priming.Priming;
import dev.reelforge.runtime.priming.PrimingSdkClients;
import java.util.List;
import org.junit.jupiter.api.Test;

class PicovicoPrimingTest {

    @Test
    void primingCreatesAndReadsAProjectAnsweredInProcess() {
        long answeredBefore = PrimingSdkClients.requestsAnswered();

        List<APIGatewayProxyResponseEvent> answers = PicovicoPriming.prime();

        assertThat(answers).extracting(APIGatewayProxyResponseEvent::getStatusCode).containsExactly(200, 404);
        assertThat(Json.parseTrusted(answers.get(0).getBody()).path("name").asText()).isEqualTo("Priming");
        // creating: the draft's and the newest project's Querys and the PutItem; reading: a GetItem; each marshalled,
        // signed and answered without a socket
        assertThat(PrimingSdkClients.requestsAnswered() - answeredBefore).isEqualTo(4);
    }

    @Test
    void theHookEveryHandlerRegistersIsOnePerJvmAndPrimesAtTheCheckpoint() {
        Priming hook = PicovicoPriming.register();
        long answeredBefore = PrimingSdkClients.requestsAnswered();

        hook.beforeCheckpoint(null);

        assertThat(PicovicoPriming.register()).isSameAs(hook);
        assertThat(PrimingSdkClients.requestsAnswered() - answeredBefore).isEqualTo(4);
    }
}
