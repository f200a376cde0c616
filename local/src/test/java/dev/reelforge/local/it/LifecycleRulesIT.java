package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ProjectFiles;
import dev.reelforge.local.clock.LocalClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * template.yaml's lifecycle rules act on the embedded S3 as S3 applies them, by the stack's clock: the temporary
 * bucket's render outputs and intermediates go at the first midnight UTC after a day has passed, not before;
 * everything else stays. A stack of its own, since these tests move its clock days ahead; each test starts at
 * 10:30 UTC by that clock, so a day and an hour later is still before the rounded expiry.
 */
class LifecycleRulesIT {

    private static Path root;
    private static LocalStack stack;
    private static S3Client s3;
    private static String temp;
    private static String hosting;

    @BeforeAll
    static void startStack() {
        root = SharedStack.temporaryDirectory("reelforge-lifecycle-");
        stack = LocalStack.start(new LocalStack.Options(ProjectFiles.template(), root.resolve("data"), 0, line -> {},
                true, RenderTestStack.sharedFfmpeg(), Map.of()));
        s3 = stack.services().s3();
        temp = bucket("TempBucket");
        hosting = bucket("HostingBucket");
    }

    private static String bucket(String logicalId) {
        return stack.template().buckets().stream().filter(bucket -> bucket.logicalId().equals(logicalId))
                .findFirst().orElseThrow().bucketName();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        SharedStack.deleteRecursively(root);
    }

    @BeforeEach
    void moveTheClockToTheNextHalfPastTen() {
        Instant now = stack.clock().instant();
        Instant halfPastTen = now.atZone(ZoneOffset.UTC).toLocalDate().atTime(10, 30).toInstant(ZoneOffset.UTC);
        if (!halfPastTen.isAfter(now)) {
            halfPastTen = halfPastTen.plus(Duration.ofDays(1));
        }
        stack.clock().advance(Duration.between(now, halfPastTen));
    }

    private static void put(String bucket, String key) {
        s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromString("content of " + key));
    }

    private static boolean exists(String bucket, String key) {
        try {
            s3.headObject(head -> head.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException gone) {
            return false;
        }
    }

    /** The second midnight UTC after {@code created}: when a one-day rule takes an object. */
    private static Instant secondMidnightAfter(Instant created) {
        return created.atZone(ZoneOffset.UTC).toLocalDate().plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalClock.Advance advanceTo(Instant target) {
        return stack.clock().advance(Duration.between(stack.clock().instant(), target));
    }

    @Test
    void aRenderOutputOutlivesADayAndAnHourThenGoesAtTheRoundedExpiryWhileHostedCopiesStay() {
        put(temp, "renders/owner1/render1.mp4");
        put(temp, "work/owner1/render1/intermediate.mp4");
        put(temp, "assets/owner1/kept.txt");
        put(hosting, "owner1/render1.mp4");
        Instant created = s3.headObject(head -> head.bucket(temp).key("renders/owner1/render1.mp4")).lastModified();
        assertThat(created).as("created by the stack's clock, at half past ten")
                .isBetween(stack.clock().instant().minusSeconds(60), stack.clock().instant());

        stack.clock().advance(Duration.ofHours(25));
        assertThat(exists(temp, "renders/owner1/render1.mp4")).as("25 h after creation, before the rounded expiry").isTrue();

        advanceTo(secondMidnightAfter(created).minusSeconds(1));
        assertThat(exists(temp, "renders/owner1/render1.mp4")).as("a second before the second midnight").isTrue();
        assertThat(exists(temp, "work/owner1/render1/intermediate.mp4")).isTrue();

        LocalClock.Advance pastExpiry = stack.clock().advance(Duration.ofSeconds(2));
        assertThat(exists(temp, "renders/owner1/render1.mp4")).as("just past the second midnight").isFalse();
        assertThat(exists(temp, "work/owner1/render1/intermediate.mp4")).isFalse();
        assertThat(pastExpiry.effects()).anySatisfy(effect -> assertThat(effect)
                .contains("expired s3://" + temp + "/renders/owner1/render1.mp4").contains("ExpireRenderOutputs"));
        assertThat(exists(temp, "assets/owner1/kept.txt")).as("no rule covers it").isTrue();
        assertThat(exists(hosting, "owner1/render1.mp4")).as("the hosting bucket expires nothing").isTrue();
    }

    @Test
    void anObjectRewrittenLaterCountsItsDaysFromTheRewrite() {
        put(temp, "renders/owner2/render2.mp4");
        stack.clock().advance(Duration.ofHours(20));
        put(temp, "renders/owner2/render2.mp4");
        Instant rewritten = s3.headObject(head -> head.bucket(temp).key("renders/owner2/render2.mp4")).lastModified();

        advanceTo(secondMidnightAfter(rewritten).minusSeconds(1));
        assertThat(exists(temp, "renders/owner2/render2.mp4")).isTrue();

        stack.clock().advance(Duration.ofSeconds(2));
        assertThat(exists(temp, "renders/owner2/render2.mp4")).isFalse();
    }

    @Test
    void anUnfinishedMultipartUploadIsAbortedOnceItsDayHasRoundedUp() {
        String key = "renders/owner3/render3.mp4";
        String uploadId = s3.createMultipartUpload(create -> create.bucket(temp).key(key)).uploadId();
        s3.uploadPart(part -> part.bucket(temp).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromString("a part that is never completed"));
        MultipartUpload upload = s3.listMultipartUploads(list -> list.bucket(temp)).uploads().stream()
                .filter(candidate -> candidate.uploadId().equals(uploadId)).findFirst().orElseThrow();
        assertThat(upload.initiated()).as("initiated by the stack's clock")
                .isBetween(stack.clock().instant().minusSeconds(60), stack.clock().instant().plusMillis(1));

        stack.clock().advance(Duration.ofHours(25));
        assertThat(s3.listMultipartUploads(list -> list.bucket(temp)).uploads())
                .extracting(MultipartUpload::uploadId).contains(uploadId);

        LocalClock.Advance pastDue = advanceTo(secondMidnightAfter(upload.initiated().truncatedTo(ChronoUnit.MILLIS))
                .plusSeconds(1));
        assertThat(s3.listMultipartUploads(list -> list.bucket(temp)).uploads())
                .extracting(MultipartUpload::uploadId).doesNotContain(uploadId);
        assertThat(pastDue.effects()).anySatisfy(effect -> assertThat(effect).contains("aborted").contains(uploadId)
                .contains("AbortIncompleteUploads"));
    }

    @Test
    void theClockOnlyMovesForward() {
        Duration offset = stack.clock().offset();

        assertThatThrownBy(() -> stack.clock().advance(Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(stack.clock().offset()).isEqualTo(offset);
    }
}
