package dev.reelforge.shotstack.edit;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.core.json.Json;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.priming.Priming;
import dev.reelforge.runtime.priming.PrimingInvocation;
import dev.reelforge.runtime.priming.PrimingSdkClients;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShotstackPrimingTest {

    @Test
    void primingSubmitsTheSampleEditAndReadsARenderAnsweredInProcess() {
        long answeredBefore = PrimingSdkClients.requestsAnswered();

        List<APIGatewayProxyResponseEvent> answers = ShotstackPriming.prime();

        assertThat(answers).extracting(APIGatewayProxyResponseEvent::getStatusCode).containsExactly(201, 404);
        assertThat(Json.parseTrusted(answers.get(0).getBody()).path("response").path("message").asText())
                .isEqualTo("Render Successfully Queued");
        assertThat(Json.parseTrusted(answers.get(1).getBody()).path("response").asText()).contains("id");
        // the sample edit's PutItem and the render's GetItem, marshalled, signed and answered without a socket
        assertThat(PrimingSdkClients.requestsAnswered() - answeredBefore).isEqualTo(2);
    }

    @Test
    void theHookEveryHandlerRegistersIsOnePerJvmAndPrimesAtTheCheckpoint() {
        Priming hook = ShotstackPriming.register();
        long answeredBefore = PrimingSdkClients.requestsAnswered();

        hook.beforeCheckpoint(null);

        assertThat(ShotstackPriming.register()).isSameAs(hook);
        assertThat(PrimingSdkClients.requestsAnswered() - answeredBefore).isEqualTo(2);
    }

    @Test
    void aPrimedHandlerStillRefusesAnEditWithoutATimelineNamingTheField() {
        ShotstackPriming.register().beforeCheckpoint(null);
        FunctionEnvironment environment = ShotstackPriming.environment();

        APIGatewayProxyResponseEvent answer = new SubmitRenderFunction(SubmitRenderFunction.submitRender(
                ShotstackPriming.tables(environment), environment)).handleRequest(
                ShotstackPriming.request("POST", Map.of("version", "stage"), "{\"output\":{\"format\":\"mp4\"}}"),
                new PrimingInvocation("test"));

        assertThat(answer.getStatusCode()).isEqualTo(400);
        assertThat(Json.parseTrusted(answer.getBody()).path("success").asBoolean(true)).isFalse();
        assertThat(answer.getBody()).contains("timeline");
    }
}
