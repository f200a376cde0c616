package dev.reelforge.ibm.videos;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.runtime.priming.Priming;
import dev.reelforge.runtime.priming.PrimingSdkClients;
import java.util.List;
import org.junit.jupiter.api.Test;

class IbmPrimingTest {

    @Test
    void primingReadsAVideoAnsweredInProcessAndWritesIbmsNotFound() {
        long answeredBefore = PrimingSdkClients.requestsAnswered();

        List<APIGatewayProxyResponseEvent> answers = IbmPriming.prime();

        assertThat(answers).extracting(APIGatewayProxyResponseEvent::getStatusCode).containsExactly(404);
        assertThat(answers.get(0).getBody()).contains("\"error\"");
        // the video's GetItem, marshalled, signed and answered without a socket
        assertThat(PrimingSdkClients.requestsAnswered() - answeredBefore).isEqualTo(1);
    }

    @Test
    void theHookEveryHandlerRegistersIsOnePerJvmAndPrimesAtTheCheckpoint() {
        Priming hook = IbmPriming.register();
        long answeredBefore = PrimingSdkClients.requestsAnswered();

        hook.beforeCheckpoint(null);

        assertThat(IbmPriming.register()).isSameAs(hook);
        assertThat(PrimingSdkClients.requestsAnswered() - answeredBefore).isEqualTo(1);
    }
}
