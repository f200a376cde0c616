package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.aws.dynamodb.DynamoDbIdempotencyKeys;
import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.DuplicateRenderException;
import dev.reelforge.core.render.IdempotencyKey;
import dev.reelforge.core.render.IdempotencyRecord;
import dev.reelforge.core.render.Render;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Idempotency-Key records in the renders table, on DynamoDB Local: written with their render or not at all. */
class DynamoDbIdempotencyKeysIT {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final IdempotencyKey KEY = new IdempotencyKey("order-4711");

    private static DynamoDbClient dynamoDb;
    private static String table;
    private static DynamoDbRenders renders;
    private static DynamoDbIdempotencyKeys keys;

    @BeforeAll
    static void connect() {
        var stack = SharedStack.get();
        dynamoDb = stack.services().dynamoDb();
        table = stack.tableName("RendersTable");
        renders = new DynamoDbRenders(dynamoDb, table);
        keys = new DynamoDbIdempotencyKeys(dynamoDb, table);
    }

    private static Render render(String owner) {
        return Render.queued(UUID.randomUUID(), owner, Environment.STAGE, Json.parseTrusted("""
                {"timeline": {"tracks": [{"clips": [{"asset": {"type": "title", "text": "Hi"}, "start": 0, "length": 1}]}]},
                 "output": {"format": "mp4", "resolution": "preview"}}"""), T0);
    }

    private static IdempotencyRecord recordOf(Render render, Instant now) {
        return new IdempotencyRecord(KEY, "hash-" + render.id(), render.id(), now.plus(Duration.ofHours(24)));
    }

    @Test
    void aRecordIsFoundWithItsRenderAndExpiresOnAWholeSecondNoEarlierThanAsked() {
        Render render = render("keysit1");

        assertThat(keys.addUnlessTaken(render, recordOf(render, T0), T0)).isEmpty();

        assertThat(renders.find(render.owner(), render.id())).contains(render);
        assertThat(keys.find(render.owner(), Environment.STAGE, KEY)).contains(new IdempotencyRecord(KEY,
                "hash-" + render.id(), render.id(), Instant.parse("2026-01-03T03:04:06Z")));
        assertThat(keys.find(render.owner(), Environment.V1, KEY)).isEmpty();
        assertThat(keys.find("keysit1-other", Environment.STAGE, KEY)).isEmpty();
    }

    @Test
    void aLiveRecordIsReturnedInsteadOfWritingAndAnExpiredOneIsReplaced() {
        Render first = render("keysit2");
        Render second = render("keysit2");
        Render third = render("keysit2");
        keys.addUnlessTaken(first, recordOf(first, T0), T0);
        Instant lastLiveSecond = Instant.parse("2026-01-03T03:04:05.999Z");

        assertThat(keys.addUnlessTaken(second, recordOf(second, lastLiveSecond), lastLiveSecond))
                .map(IdempotencyRecord::renderId).contains(first.id());
        assertThat(renders.find(second.owner(), second.id())).isEmpty();

        Instant expired = Instant.parse("2026-01-03T03:04:06Z");
        assertThat(keys.addUnlessTaken(third, recordOf(third, expired), expired)).isEmpty();
        assertThat(keys.find(third.owner(), Environment.STAGE, KEY)).map(IdempotencyRecord::renderId)
                .contains(third.id());
        assertThat(renders.find(third.owner(), third.id())).isPresent();
    }

    @Test
    void whenTheRenderCannotBeWrittenNeitherIsTheKey() {
        Render existing = render("keysit3");
        renders.add(existing);

        assertThatThrownBy(() -> keys.addUnlessTaken(existing, recordOf(existing, T0), T0))
                .isInstanceOf(DuplicateRenderException.class);
        assertThat(keys.find(existing.owner(), Environment.STAGE, KEY)).isEmpty();
    }

    @Test
    void aTransactionThatCollidesWithAnotherInProgressIsTriedAgain() {
        AtomicInteger conflicts = new AtomicInteger(3);
        DynamoDbIdempotencyKeys colliding = new DynamoDbIdempotencyKeys(new ConflictingTransactions(conflicts), table);
        Render render = render("keysit4");

        assertThat(colliding.addUnlessTaken(render, recordOf(render, T0), T0)).isEmpty();

        assertThat(conflicts.get()).isZero();
        assertThat(renders.find(render.owner(), render.id())).isPresent();
        assertThat(keys.find(render.owner(), Environment.STAGE, KEY)).isPresent();
    }

    @Test
    void collisionsThatDoNotEndAreAFailureAndWriteNothing() {
        DynamoDbIdempotencyKeys colliding = new DynamoDbIdempotencyKeys(
                new ConflictingTransactions(new AtomicInteger(Integer.MAX_VALUE)), table);
        Render render = render("keysit5");

        assertThatThrownBy(() -> colliding.addUnlessTaken(render, recordOf(render, T0), T0))
                .isInstanceOf(TransactionCanceledException.class);
        assertThat(renders.find(render.owner(), render.id())).isEmpty();
        assertThat(keys.find(render.owner(), Environment.STAGE, KEY)).isEmpty();
    }

    /**
     * A fake for a fault DynamoDB Local cannot produce (it runs transactions one at a time): the first transactions
     * are cancelled as DynamoDB cancels one that meets another in progress on the same item; then it is DynamoDB Local.
     */
    private static final class ConflictingTransactions implements DynamoDbClient {

        private final AtomicInteger conflictsLeft;

        ConflictingTransactions(AtomicInteger conflictsLeft) {
            this.conflictsLeft = conflictsLeft;
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            if (conflictsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw (TransactionCanceledException) TransactionCanceledException.builder()
                        .message("Transaction cancelled, please refer cancellation reasons for specific reasons "
                                + "[TransactionConflict, None]")
                        .cancellationReasons(CancellationReason.builder().code("TransactionConflict")
                                        .message("Transaction is ongoing for the item").build(),
                                CancellationReason.builder().code("None").build())
                        .build();
            }
            return dynamoDb.transactWriteItems(request);
        }

        @Override
        public GetItemResponse getItem(GetItemRequest request) {
            return dynamoDb.getItem(request);
        }

        @Override
        public String serviceName() {
            return dynamoDb.serviceName();
        }

        @Override
        public void close() {}
    }
}
