package dev.reelforge.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.reelforge.local.template.FunctionDefinition;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.runtime.http.ProxyHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LocalFunctionTest {

    /** Answers what its Context and environment say, sleeps when asked to, fails when asked to. */
    public static final class ProbeHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

        private final FunctionEnvironment environment;

        public ProbeHandler(FunctionEnvironment environment) {
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
                    "greeting", environment.required("GREETING"));
        }
    }

    /** Keeps its core busy, never blocking, until {@link #release} is set. */
    public static final class SpinningHandler implements RequestHandler<Map<String, Object>, String> {

        static final AtomicInteger SPINNING = new AtomicInteger();
        static volatile boolean release;

        public SpinningHandler(FunctionEnvironment environment) {}

        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            SPINNING.incrementAndGet();
            try {
                long spins = 0;
                while (!release) {
                    spins++;
                }
                return "spun " + spins;
            } finally {
                SPINNING.decrementAndGet();
            }
        }
    }

    /** Tells the time of the clock its environment came with. */
    public static final class ClockReadingHandler implements RequestHandler<Map<String, Object>, String> {

        private final Clock clock;

        public ClockReadingHandler(FunctionEnvironment environment) {
            this.clock = environment.clock();
        }

        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            return clock.instant().toString();
        }
    }

    /** Echoes the request's body; counts the invocations that came through its streams. */
    public static final class StreamEchoHandler implements ProxyHandler {

        static final AtomicInteger THROUGH_STREAMS = new AtomicInteger();

        public StreamEchoHandler(FunctionEnvironment environment) {}

        @Override
        public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
            return new APIGatewayProxyResponseEvent().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "text/plain")).withBody(event.getBody());
        }

        @Override
        public void handleRequest(InputStream event, OutputStream response, Context context) {
            THROUGH_STREAMS.incrementAndGet();
            ProxyHandler.super.handleRequest(event, response, context);
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
    void aHandlerThatTellsTimeIsBuiltWithTheStacksClock() {
        Instant stackTime = Instant.parse("2030-01-01T00:00:00Z");
        FunctionDefinition definition = new FunctionDefinition("Clocked", "stack-Clocked",
                ClockReadingHandler.class.getName(), "unused.jar", Duration.ofSeconds(3), 256, Map.of(), List.of());

        LocalFunction function = LocalFunction.initialize(definition, Map.of(), "arn:aws:lambda:::function:stack-Clocked",
                Clock.fixed(stackTime, ZoneOffset.UTC), line -> {});

        assertThat(function.invoke(Map.of())).isEqualTo(stackTime.toString());
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
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void anInvocationRunsWhileOthersKeepEveryCoreBusy() throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        SpinningHandler.release = false;
        FunctionDefinition definition = new FunctionDefinition("Spinner", "stack-Spinner",
                SpinningHandler.class.getName(), "unused.jar", Duration.ofSeconds(60), 256, Map.of(), List.of());
        LocalFunction spinner = LocalFunction.initialize(definition, Map.of(), "arn:aws:lambda:::function:stack-Spinner",
                line -> {});
        List<Thread> callers = new ArrayList<>();
        try {
            for (int i = 0; i < cores; i++) {
                callers.add(Thread.ofPlatform().start(() -> spinner.invoke(Map.of())));
            }
            while (SpinningHandler.SPINNING.get() < cores) {
                Thread.sleep(10);
            }

            // Invocations on virtual threads waited here for a carrier that a spinning one never gave back.
            Object answer = probe(Duration.ofSeconds(60)).invoke(Map.of());

            assertThat(answer).isInstanceOf(Map.class);
            assertThat(SpinningHandler.SPINNING.get()).isEqualTo(cores);
        } finally {
            SpinningHandler.release = true;
            for (Thread caller : callers) {
                caller.join();
            }
        }
    }

    @Test
    void aHandlerThatThrowsEndsWithAFunctionErrorCarryingTheCause() {
        assertThatThrownBy(() -> probe(Duration.ofSeconds(3)).invoke(Map.of("fail", "boom")))
                .isInstanceOf(FunctionErrorException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("boom");
    }

    @Test
    void aStreamHandlerIsCalledThroughItsStreamsAndAnswersTheTypedResult() {
        FunctionDefinition definition = new FunctionDefinition("Echo", "stack-Echo", StreamEchoHandler.class.getName(),
                "unused.jar", Duration.ofSeconds(3), 256, Map.of(), List.of());
        LocalFunction function = LocalFunction.initialize(definition, Map.of(), "arn:aws:lambda:::function:stack-Echo");
        int before = StreamEchoHandler.THROUGH_STREAMS.get();

        Object answer = function.invoke(new APIGatewayProxyRequestEvent().withHttpMethod("POST")
                .withBody("{\"caf\u00e9\":1}"));

        assertThat(StreamEchoHandler.THROUGH_STREAMS.get()).isEqualTo(before + 1);
        assertThat(function.eventType()).isEqualTo(APIGatewayProxyRequestEvent.class);
        assertThat(answer).isEqualTo(new APIGatewayProxyResponseEvent().withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "text/plain")).withBody("{\"caf\u00e9\":1}"));
    }

    @Test
    void theEventTypeIsTheHandlersRequestType() {
        assertThat(LocalFunction.eventTypeOf(ProbeHandler.class)).isEqualTo(Map.class);
    }
}
