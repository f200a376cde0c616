package dev.reelforge.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.asset.InMemoryRenders;
import dev.reelforge.core.edit.EditValidator;
import dev.reelforge.core.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Submitting under an idempotency key: one render per key and body for 24 hours. */
class SubmitRenderTest {

    private static final String OWNER = "owner-1";
    private static final IdempotencyKey KEY = new IdempotencyKey("order-4711");
    private static final String EDIT = """
            {"timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Hi"}, "start": 0, "length": 2}]}]},
             "output": {"format": "mp4", "resolution": "sd"}}
            """;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
    private final InMemoryRenders renders = new InMemoryRenders();
    private final SubmitRender submitRender = new SubmitRender(renders, keys, new EditValidator(), url -> Optional.empty(),
            clock, UUID::randomUUID);

    private SubmitRenderResult submit(String owner, Environment environment, String edit, IdempotencyKey key) {
        return submitRender.submit(new SubmitRenderCommand(owner, environment, json(edit), Optional.of(key)));
    }

    private SubmitRenderResult submit(String edit) {
        return submit(OWNER, Environment.V1, edit, KEY);
    }

    private static UUID queued(SubmitRenderResult result) {
        assertThat(result).isInstanceOf(SubmitRenderResult.Queued.class);
        return ((SubmitRenderResult.Queued) result).id();
    }

    @Test
    void theSameKeyAndBodyAnswerTheFirstRenderAgainWithoutMakingAnother() {
        UUID first = queued(submit(EDIT));

        assertThat(submit(EDIT)).isEqualTo(new SubmitRenderResult.Replayed(first));
        assertThat(keys.renders).extracting(Render::id).containsExactly(first);
    }

    @Test
    void aBodyThatDiffersOnlyInLayoutMemberOrderOrNumberSpellingIsTheSameBody() {
        UUID first = queued(submit(EDIT));
        String reordered = """
                {"output":{"resolution":"sd","format":"mp4"},"timeline":{"tracks":[{"clips":[
                {"length":2.0,"start":0e0,"asset":{"text":"\\u0048i","type":"title"}}]}]}}""";

        assertThat(submit(reordered)).isEqualTo(new SubmitRenderResult.Replayed(first));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndMakesNoRender() {
        UUID first = queued(submit(EDIT));

        assertThat(submit(EDIT.replace("\"Hi\"", "\"Ho\""))).isEqualTo(new SubmitRenderResult.KeyReused(KEY));
        assertThat(keys.renders).extracting(Render::id).containsExactly(first);
    }

    @Test
    void aRepeatIsAnsweredFromTheRecordEvenWhenItsBodyWouldNowBeRefused() {
        UUID first = queued(submit(EDIT));
        SubmitRender refusingCallbacks = new SubmitRender(renders, keys, new EditValidator(),
                url -> Optional.of("is not public"), clock, UUID::randomUUID);
        String withCallback = EDIT.replace("\"output\"", "\"callback\": \"https://hooks.example.com/\", \"output\"");

        assertThat(refusingCallbacks.submit(new SubmitRenderCommand(OWNER, Environment.V1, json(EDIT),
                Optional.of(KEY)))).isEqualTo(new SubmitRenderResult.Replayed(first));
        assertThat(refusingCallbacks.submit(new SubmitRenderCommand(OWNER, Environment.V1, json(withCallback),
                Optional.of(KEY)))).isEqualTo(new SubmitRenderResult.KeyReused(KEY));
    }

    @Test
    void anInvalidRequestIsNotRecordedSoTheFixedOneMayUseTheSameKey() {
        SubmitRenderResult invalid = submit(EDIT.replace("\"length\": 2", "\"length\": -2"));

        assertThat(invalid).isInstanceOf(SubmitRenderResult.Invalid.class);
        UUID fixed = queued(submit(EDIT));
        assertThat(keys.renders).extracting(Render::id).containsExactly(fixed);
    }

    @Test
    void keysArePerOwnerAndEnvironment() {
        UUID v1 = queued(submit(OWNER, Environment.V1, EDIT, KEY));
        UUID stage = queued(submit(OWNER, Environment.STAGE, EDIT, KEY));
        UUID othersV1 = queued(submit("owner-2", Environment.V1, EDIT.replace("Hi", "Ho"), KEY));

        assertThat(List.of(v1, stage, othersV1)).doesNotHaveDuplicates();
        assertThat(keys.renders).hasSize(3);
    }

    @Test
    void aKeyIsRememberedFor24HoursThenForgotten() {
        UUID first = queued(submit(EDIT));

        clock.advance(SubmitRender.KEY_LIFETIME.minusMillis(1));
        assertThat(submit(EDIT.replace("Hi", "Ho"))).isEqualTo(new SubmitRenderResult.KeyReused(KEY));
        assertThat(submit(EDIT)).isEqualTo(new SubmitRenderResult.Replayed(first));

        clock.advance(Duration.ofMillis(1));
        UUID afterwards = queued(submit(EDIT.replace("Hi", "Ho")));
        assertThat(afterwards).isNotEqualTo(first);
        assertThat(submit(EDIT.replace("Hi", "Ho"))).isEqualTo(new SubmitRenderResult.Replayed(afterwards));
    }

    @Test
    void aRequestThatLosesTheRaceForItsKeyAnswersTheWinnersRender() {
        UUID winner = queued(submit(EDIT));
        IdempotencyKeys seenTooLate = new IdempotencyKeys() {
            @Override
            public Optional<IdempotencyRecord> find(String owner, Environment environment, IdempotencyKey key) {
                return Optional.empty();
            }

            @Override
            public Optional<IdempotencyRecord> addUnlessTaken(Render render, IdempotencyRecord record, Instant now) {
                return keys.addUnlessTaken(render, record, now);
            }
        };
        SubmitRender loser = new SubmitRender(renders, seenTooLate, new EditValidator(), url -> Optional.empty(), clock,
                UUID::randomUUID);

        assertThat(loser.submit(new SubmitRenderCommand(OWNER, Environment.V1, json(EDIT), Optional.of(KEY))))
                .isEqualTo(new SubmitRenderResult.Replayed(winner));
        assertThat(loser.submit(new SubmitRenderCommand(OWNER, Environment.V1, json(EDIT.replace("Hi", "Ho")),
                Optional.of(KEY)))).isEqualTo(new SubmitRenderResult.KeyReused(KEY));
        assertThat(keys.renders).hasSize(1);
    }

    @Test
    void concurrentRepeatsMakeOneRenderAndAllAnswerItsId() throws Exception {
        int requests = 16;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SubmitRenderResult>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                Callable<SubmitRenderResult> request = () -> {
                    start.await();
                    return submit(EDIT);
                };
                answers.add(threads.submit(request));
            }
            start.countDown();
            List<UUID> ids = new ArrayList<>();
            int created = 0;
            for (Future<SubmitRenderResult> answer : answers) {
                switch (answer.get()) {
                    case SubmitRenderResult.Queued queued -> {
                        created++;
                        ids.add(queued.id());
                    }
                    case SubmitRenderResult.Replayed replayed -> ids.add(replayed.id());
                    case SubmitRenderResult other -> throw new AssertionError("unexpected " + other);
                }
            }
            assertThat(created).isEqualTo(1);
            assertThat(ids).hasSize(requests).containsOnly(keys.renders.getFirst().id());
            assertThat(keys.renders).hasSize(1);
        }
    }

    @Test
    void withoutAKeyEveryRequestMakesARender() {
        SubmitRenderCommand command = new SubmitRenderCommand(OWNER, Environment.V1, json(EDIT));

        UUID first = queued(submitRender.submit(command));
        UUID second = queued(submitRender.submit(command));

        assertThat(first).isNotEqualTo(second);
        assertThat(renders.find(OWNER, first)).isPresent();
        assertThat(renders.find(OWNER, second)).isPresent();
        assertThat(keys.renders).isEmpty();
    }

    private static JsonNode json(String text) {
        return Json.parseTrusted(text);
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
