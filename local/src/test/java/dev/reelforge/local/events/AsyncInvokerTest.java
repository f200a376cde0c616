package dev.reelforge.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.template.FunctionDefinition;
import dev.reelforge.runtime.FunctionEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asynchronous invocations are kept until they have run, as Lambda keeps an event once {@code Invoke} answered:
 * one the stack had accepted, or was running, when it stopped (or was killed) runs when the next stack on the same
 * data directory starts, and one that ran is not run again.
 */
class AsyncInvokerTest {

    /** Records each event's {@code id} when it starts and when it ends; one with {@code hold} waits for {@link #GATE}. */
    public static final class GatedHandler implements RequestHandler<Map<String, Object>, Void> {

        static final BlockingQueue<String> STARTED = new LinkedBlockingQueue<>();
        static final BlockingQueue<String> FINISHED = new LinkedBlockingQueue<>();
        static volatile CountDownLatch gate = new CountDownLatch(0);

        public GatedHandler(FunctionEnvironment environment) {}

        @Override
        public Void handleRequest(Map<String, Object> event, Context context) {
            String id = String.valueOf(event.get("id"));
            STARTED.add(id);
            if (Boolean.TRUE.equals(event.get("hold"))) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("stopped while holding " + id, e);
                }
            }
            FINISHED.add(id);
            return null;
        }
    }

    @TempDir
    Path journal;

    private final LocalFunction function = LocalFunction.initialize(new FunctionDefinition("Gated", "stack-Gated",
            GatedHandler.class.getName(), "unused.jar", Duration.ofSeconds(30), 256, Map.of(), List.of()), Map.of(),
            "arn:aws:lambda:us-east-1:000000000000:function:stack-Gated");

    @BeforeEach
    @AfterEach
    void reset() {
        GatedHandler.STARTED.clear();
        GatedHandler.FINISHED.clear();
        GatedHandler.gate = new CountDownLatch(0);
    }

    private AsyncInvoker invoker() {
        return new AsyncInvoker(List.of(), line -> {}, journal);
    }

    @Test
    void anInvocationRunningWhenTheStackStoppedRunsAgainWhenItStartsAgain() throws Exception {
        GatedHandler.gate = new CountDownLatch(1);
        AsyncInvoker stopped = invoker();
        stopped.invoke(function, "{\"id\": \"a\", \"hold\": true}");
        assertThat(GatedHandler.STARTED.poll(10, TimeUnit.SECONDS)).isEqualTo("a");
        stopped.close();
        assertThat(GatedHandler.FINISHED).isEmpty();

        GatedHandler.gate.countDown();
        try (AsyncInvoker restarted = invoker()) {
            assertThat(restarted.resume(Map.of("Gated", function))).isEqualTo(1);
            assertThat(GatedHandler.FINISHED.poll(10, TimeUnit.SECONDS)).isEqualTo("a");
            awaitIdle(restarted);
        }
        assertThat(kept()).as("nothing left to run").isEmpty();
    }

    @Test
    void anInvocationThatRanIsNotRunAgain() throws Exception {
        try (AsyncInvoker first = invoker()) {
            first.invoke(function, "{\"id\": \"b\"}");
            assertThat(GatedHandler.FINISHED.poll(10, TimeUnit.SECONDS)).isEqualTo("b");
            awaitIdle(first);
        }

        try (AsyncInvoker restarted = invoker()) {
            assertThat(restarted.resume(Map.of("Gated", function))).isZero();
        }
        assertThat(GatedHandler.STARTED).containsExactly("b");
        assertThat(kept()).isEmpty();
    }

    private static void awaitIdle(AsyncInvoker invoker) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (invoker.inFlight() > 0) {
            assertThat(System.nanoTime()).as("the invocations end").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private List<Path> kept() throws IOException {
        try (Stream<Path> files = Files.list(journal)) {
            return files.toList();
        }
    }
}
