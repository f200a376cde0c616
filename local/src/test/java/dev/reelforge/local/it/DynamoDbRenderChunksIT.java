package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.dynamodb.DynamoDbRenders;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.ChunkTally;
import dev.reelforge.core.render.Render;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.core.render.RenderStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chunks of a render composed in parts, counted on DynamoDB Local: each once however often it is delivered, and
 * the job joining them started by one delivery only.
 */
class DynamoDbRenderChunksIT {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");

    private static DynamoDbRenders renders;

    @BeforeAll
    static void connect() {
        var stack = SharedStack.get();
        renders = new DynamoDbRenders(stack.services().dynamoDb(), stack.tableName("RendersTable"));
    }

    /** Stored as rendering, as the worker leaves it: no worker picks it up (it takes queued renders only). */
    private static RenderKey rendering() {
        Render render = new Render(UUID.randomUUID(), "chunksit", Environment.V1, RenderStatus.RENDERING,
                Json.parseTrusted("{\"timeline\": {\"tracks\": []}, \"output\": {\"format\": \"mp4\"}}"), T0, T0,
                Optional.empty(), Optional.empty());
        renders.add(render);
        return new RenderKey(render.owner(), render.id());
    }

    @Test
    void aChunkDeliveredTwiceCountsOnceAndOnlyTheDeliveryCompletingTheSetJoinsThem() {
        RenderKey key = rendering();
        assertThat(renders.recordChunks(key, 3, T0)).isTrue();

        assertThat(renders.recordChunkComposed(key, 0, "delivery-a", T0)).isEqualTo(new ChunkTally.Waiting(1, 3));
        assertThat(renders.recordChunkComposed(key, 0, "delivery-a-again", T0)).isEqualTo(new ChunkTally.Waiting(1, 3));
        assertThat(renders.recordChunkComposed(key, 2, "delivery-c", T0)).isEqualTo(new ChunkTally.Waiting(2, 3));
        assertThat(renders.recordChunkComposed(key, 1, "delivery-b", T0)).isEqualTo(new ChunkTally.AllComposed(3));

        assertThat(renders.recordChunkComposed(key, 2, "delivery-c-again", T0))
                .as("a late repeat finds the set whole, but another delivery joins it")
                .isEqualTo(new ChunkTally.Waiting(3, 3));
        assertThat(renders.recordChunkComposed(key, 1, "delivery-b", T0))
                .as("a retry of the joining delivery may join again (its job may not have started)")
                .isEqualTo(new ChunkTally.AllComposed(3));
    }

    @Test
    void onceTheJobIsRecordedNoDeliveryJoinsTheChunksAgain() {
        RenderKey key = rendering();
        renders.recordChunks(key, 2, T0);
        renders.recordChunkComposed(key, 0, "delivery-a", T0);
        assertThat(renders.recordChunkComposed(key, 1, "delivery-b", T0)).isEqualTo(new ChunkTally.AllComposed(2));
        assertThat(renders.recordJob(key, "job-1", T0)).isTrue();

        assertThat(renders.recordChunkComposed(key, 1, "delivery-b", T0)).isEqualTo(new ChunkTally.Waiting(2, 2));
    }

    @Test
    void aChunkOfARenderThatFinishedMeanwhileIsNotCounted() {
        RenderKey key = rendering();
        renders.recordChunks(key, 2, T0);
        renders.fail(key, "cancelled", T0);

        assertThat(renders.recordChunkComposed(key, 0, "delivery-a", T0)).isEqualTo(new ChunkTally.Finished());
        assertThat(renders.recordChunks(key, 2, T0)).isFalse();
    }

    @Test
    void aRenderIsCutIntoOneNumberOfChunksOnly() {
        RenderKey key = rendering();

        assertThat(renders.recordChunks(key, 2, T0)).isTrue();
        assertThat(renders.recordChunks(key, 2, T0)).as("a retry of the same order").isTrue();
        assertThat(renders.recordChunks(key, 3, T0)).isFalse();
    }
}
