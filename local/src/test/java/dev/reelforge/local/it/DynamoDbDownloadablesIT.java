package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.aws.dynamodb.DynamoDbDownloadables;
import dev.reelforge.core.Environment;
import dev.reelforge.core.video.download.DownloadFormat;
import dev.reelforge.core.video.download.Downloadable;
import dev.reelforge.core.video.download.DownloadableKey;
import dev.reelforge.core.video.download.DownloadableStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The downloadables table on DynamoDB Local: a request stores a generation only over the record as it was read, and
 * every later change holds only for the generation (and status) it names, whatever order events arrive in. The table
 * is a copy of the template's DownloadablesTable (keys and index) made for this test: the stack's own has makers
 * reading its stream, which would finish these records while the test looks at them.
 */
class DynamoDbDownloadablesIT {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.250Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final Instant EXPIRES = Instant.parse("2026-03-02T10:00:01Z");

    private static DynamoDbDownloadables downloadables;

    @BeforeAll
    static void createTable() {
        DynamoDbClient dynamoDb = SharedStack.get().services().dynamoDb();
        String name = "downloadables-it-" + UUID.randomUUID();
        dynamoDb.createTable(create -> create.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("owner"), attribute("id"), attribute("pending"), attribute("requested"))
                .keySchema(key("owner", KeyType.HASH), key("id", KeyType.RANGE))
                .globalSecondaryIndexes(index -> index.indexName(DynamoDbDownloadables.PENDING_INDEX)
                        .keySchema(key("pending", KeyType.HASH), key("requested", KeyType.RANGE))
                        .projection(projection -> projection.projectionType(ProjectionType.KEYS_ONLY))));
        downloadables = new DynamoDbDownloadables(dynamoDb, name);
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static DownloadableKey key(String owner, DownloadFormat format) {
        return new DownloadableKey(owner, UUID.randomUUID(), format);
    }

    @Test
    void aRequestStoresAGenerationOnlyOverTheRecordAsItWasRead() {
        DownloadableKey key = key("downloadablesit1", DownloadFormat.MP4);
        Downloadable first = Downloadable.pending(key, Environment.STAGE, 1, T0);

        assertThat(downloadables.request(first, Optional.empty())).isTrue();
        assertThat(downloadables.find(key)).contains(first);
        assertThat(downloadables.request(Downloadable.pending(key, Environment.STAGE, 1, T1), Optional.empty()))
                .as("a second first request").isFalse();
        assertThat(downloadables.markFailed(key, 1, "given up", T1)).isTrue();
        Downloadable failed = downloadables.find(key).orElseThrow();
        Downloadable second = Downloadable.pending(key, Environment.STAGE, 2, T1);

        assertThat(downloadables.request(second, Optional.of(first))).as("over a stale read").isFalse();
        assertThat(downloadables.request(second, Optional.of(failed))).isTrue();
        assertThat(downloadables.find(key)).contains(second);
    }

    @Test
    void onlyThePendingGenerationNamedBecomesAvailableWithItsUrlAndExpiryInWholeSeconds() {
        DownloadableKey key = key("downloadablesit2", DownloadFormat.FLV);
        downloadables.request(Downloadable.pending(key, Environment.V1, 1, T0), Optional.empty());

        assertThat(downloadables.markAvailable(key, 2, "https://t.example/x", T1, EXPIRES)).as("another generation")
                .isFalse();
        assertThat(downloadables.markAvailable(key, 1, "https://t.example/x", T1, EXPIRES)).isTrue();
        assertThat(downloadables.markAvailable(key, 1, "https://t.example/y", T1, EXPIRES)).as("again").isFalse();
        assertThat(downloadables.markFailed(key, 1, "late", T1)).as("failing what is available").isFalse();

        Downloadable available = downloadables.find(key).orElseThrow();
        assertThat(available.status()).isEqualTo(DownloadableStatus.AVAILABLE);
        assertThat(available.environment()).isEqualTo(Environment.V1);
        assertThat(available.downloadUrl()).contains("https://t.example/x");
        assertThat(available.availableAt()).contains(T1);
        assertThat(available.expiresAt()).contains(EXPIRES);
        assertThat(available.requested()).isEqualTo(T0);
        assertThat(available.updated()).isEqualTo(T1);
    }

    @Test
    void removalTakesAnyStatusOfTheGenerationNamedOnceAndDropsTheUrl() {
        DownloadableKey key = key("downloadablesit3", DownloadFormat.MP4);
        downloadables.request(Downloadable.pending(key, Environment.STAGE, 1, T0), Optional.empty());
        downloadables.markAvailable(key, 1, "https://t.example/x", T1, EXPIRES);

        assertThat(downloadables.markRemoved(key, 2, T1)).isFalse();
        assertThat(downloadables.markRemoved(key, 1, T1)).isTrue();
        assertThat(downloadables.markRemoved(key, 1, T1)).as("again").isFalse();
        assertThat(downloadables.markAvailable(key, 1, "https://t.example/z", T1, EXPIRES)).isFalse();
        Downloadable removed = downloadables.find(key).orElseThrow();
        assertThat(removed.status()).isEqualTo(DownloadableStatus.REMOVED);
        assertThat(removed.downloadUrl()).isEmpty();
    }

    @Test
    void aVideosFormatsAreFoundTogetherAndNoOtherVideos() {
        UUID video = UUID.randomUUID();
        DownloadableKey mp4 = new DownloadableKey("downloadablesit4", video, DownloadFormat.MP4);
        DownloadableKey flv = new DownloadableKey("downloadablesit4", video, DownloadFormat.FLV);
        downloadables.request(Downloadable.pending(mp4, Environment.STAGE, 1, T0), Optional.empty());
        downloadables.request(Downloadable.pending(flv, Environment.STAGE, 1, T0), Optional.empty());
        downloadables.request(Downloadable.pending(key("downloadablesit4", DownloadFormat.MP4), Environment.STAGE, 1,
                T0), Optional.empty());

        assertThat(downloadables.findForVideo("downloadablesit4", video)).extracting(Downloadable::key)
                .containsExactlyInAnyOrder(mp4, flv);
        assertThat(downloadables.findForVideo("someoneelse", video)).isEmpty();
    }

    @Test
    void pendingDownloadablesAreFoundByRequestTimeUntilTheyMoveOn() {
        DownloadableKey old = key("downloadablesit5", DownloadFormat.MP4);
        DownloadableKey recent = key("downloadablesit5", DownloadFormat.FLV);
        DownloadableKey finished = key("downloadablesit5", DownloadFormat.MP4);
        Instant longAgo = Instant.parse("2001-01-01T00:00:00Z");
        downloadables.request(Downloadable.pending(old, Environment.STAGE, 1, longAgo), Optional.empty());
        downloadables.request(Downloadable.pending(recent, Environment.STAGE, 1, longAgo.plusSeconds(3600)),
                Optional.empty());
        downloadables.request(Downloadable.pending(finished, Environment.STAGE, 1, longAgo), Optional.empty());
        downloadables.markFailed(finished, 1, "done with", T0);

        Eventually.holds("the index (eventually consistent) has the pending ones",
                () -> downloadables.pendingSince(longAgo.plusSeconds(60), 100).contains(old));
        assertThat(downloadables.pendingSince(longAgo.plusSeconds(60), 100)).contains(old)
                .doesNotContain(recent, finished);
    }
}
