package dev.reelforge.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.reelforge.local.template.FunctionDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalFunctionTest {

    /** Answers what its Context and environment say, sleeps when asked to, fails when asked to. */
    public static final class ProbeHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

        private final Map<String, String> environment;

        public ProbeHandler(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
            int before = context.getRemainingTimeInMillis();
            if (event.containsKey("sleepMillis")) {
                try {
                    Thread.sleep(((Number) event.get("sleepMillis")).longValue());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (event.containsKey("fail")) {
                throw new IllegalStateException(String.valueOf(event.get("fail")));
            }
            return Map.of("requestId", context.getAwsRequestId(), "before", before,
                    "after", context.getRemainingTimeInMillis(), "function", context.getFunctionName(),
                    "greeting", environment.get("GREETING"));
        }
    }

    private static LocalFunction probe(Duration timeout) {
        FunctionDefinition definition = new FunctionDefinition("Probe", "stack-Probe", ProbeHandler.class.getName(),
                "unused.jar", timeout, 256, Map.of(), List.of());
        return LocalFunction.initialize(definition, Map.of("GREETING", "hi"), "arn:aws:lambda:::function:stack-Probe");
    }

    @Test
    void theHandlerIsBuiltWithItsEnvironmentAndGetsTheRequestIdAndACountdown() {
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) probe(Duration.ofSeconds(3))
                .invoke(Map.of("sleepMillis", 50), "req-1");

        assertThat(result.get("requestId")).isEqualTo("req-1");
        assertThat(result.get("function")).isEqualTo("stack-Probe");
        assertThat(result.get("greeting")).isEqualTo("hi");
        assertThat((Integer) result.get("before")).isBetween(2_500, 3_000);
        assertThat((Integer) result.get("after")).isLessThanOrEqualTo((Integer) result.get("before") - 50);
    }

    @Test
    void anInvocationPastItsTimeoutEndsWithATimeout() {
        LocalFunction function = probe(Duration.ofMillis(200));
        long started = System.nanoTime();

        assertThatThrownBy(() -> function.invoke(Map.of("sleepMillis", 5_000)))
                .isInstanceOf(FunctionTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aHandlerThatThrowsEndsWithAFunctionErrorCarryingTheCause() {
        assertThatThrownBy(() -> probe(Duration.ofSeconds(3)).invoke(Map.of("fail", "boom")))
                .isInstanceOf(FunctionErrorException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @Test
    void theEventTypeIsTheHandlersRequestType() {
        assertThat(LocalFunction.eventTypeOf(ProbeHandler.class)).isEqualTo(Map.class);
    }
}
