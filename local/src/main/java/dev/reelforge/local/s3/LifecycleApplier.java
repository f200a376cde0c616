package dev.reelforge.local.s3;

import dev.reelforge.local.clock.LocalClock;
import dev.reelforge.local.template.BucketDefinition;
import dev.reelforge.local.template.LifecycleRuleDefinition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The lifecycle rules of template.yaml's buckets, applied to the embedded S3 by the stack's clock with S3's
 * semantics: an object expires at the first midnight UTC after its creation time plus the rule's days (or on
 * the rule's date), a multipart upload is aborted likewise counting from its initiation. Applied every
 * {@link #PERIOD} and, synchronously, on every clock advance; deletions go through the S3 API like anyone
 * else's (and, as on AWS, send no object-created events). S3 runs its rules about once a day, so objects linger
 * there for up to a day past their expiry; locally they go at the next application.
 */
public final class LifecycleApplier implements LocalClock.Listener, AutoCloseable {

    /** How often the rules are applied while time passes on its own. */
    public static final Duration PERIOD = Duration.ofMinutes(1);

    private final List<BucketDefinition> buckets;
    private final S3Client s3;
    private final ObjectWrites writes;
    private final Consumer<String> log;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("reelforge-lifecycle").daemon().factory());

    private LifecycleApplier(Collection<BucketDefinition> buckets, S3Client s3, ObjectWrites writes,
            Consumer<String> log) {
        this.buckets = buckets.stream().filter(bucket -> !bucket.lifecycleRules().isEmpty()).toList();
        this.s3 = s3;
        this.writes = writes;
        this.log = log;
    }

    /**
     * Applies the buckets' rules now (in the background) and every {@link #PERIOD}, by {@code clock}.
     *
     * @param log receives a line for every object expired and upload aborted, and for a failed application
     */
    public static LifecycleApplier start(Collection<BucketDefinition> buckets, S3Client s3, Clock clock,
            ObjectWrites writes, Consumer<String> log) {
        LifecycleApplier applier = new LifecycleApplier(buckets, s3, writes, log);
        applier.timer.scheduleWithFixedDelay(() -> {
            try {
                applier.apply(clock.instant());
            } catch (RuntimeException e) {
                log.accept("lifecycle rules could not be applied: " + e);
            }
        }, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return applier;
    }

    @Override
    public List<String> clockAdvanced(Instant now) {
        return apply(now);
    }

    /** Expires and aborts what is due at {@code now}; returns what it did, one line per object or upload. */
    public synchronized List<String> apply(Instant now) {
        List<String> effects = new ArrayList<>();
        for (BucketDefinition bucket : buckets) {
            Set<String> expired = new HashSet<>();
            for (LifecycleRuleDefinition rule : bucket.lifecycleRules()) {
                if (rule.expirationInDays().isPresent() || rule.expirationDate().isPresent()) {
                    expire(bucket.bucketName(), rule, now, expired, effects);
                }
                if (rule.abortIncompleteUploadsAfterDays().isPresent()) {
                    abortUploads(bucket.bucketName(), rule, rule.abortIncompleteUploadsAfterDays().get(), now, effects);
                }
            }
        }
        effects.forEach(effect -> log.accept("lifecycle: " + effect));
        return effects;
    }

    private void expire(String bucket, LifecycleRuleDefinition rule, Instant now, Set<String> expired,
            List<String> effects) {
        long mark = writes.mark();
        for (S3Object object : s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(rule.prefix())).contents()) {
            if (expired.contains(object.key()) || !rule.appliesTo(object.key(), object.size())) {
                continue;
            }
            Instant due = rule.expirationDate().orElseGet(() -> dueAt(object.lastModified(), rule.expirationInDays().get()));
            if (now.isBefore(due) || writes.writtenSince(mark, bucket, object.key())) {
                continue;
            }
            s3.deleteObject(delete -> delete.bucket(bucket).key(object.key()));
            expired.add(object.key());
            effects.add("expired s3://" + bucket + "/" + object.key() + " (rule " + rule.name() + ", created "
                    + object.lastModified() + ", due " + due + ")");
        }
    }

    private void abortUploads(String bucket, LifecycleRuleDefinition rule, int days, Instant now, List<String> effects) {
        long mark = writes.mark();
        for (MultipartUpload upload : s3.listMultipartUploadsPaginator(list -> list.bucket(bucket)).uploads()) {
            if (!upload.key().startsWith(rule.prefix())) {
                continue;
            }
            Instant due = dueAt(upload.initiated(), days);
            if (now.isBefore(due) || writes.writtenSince(mark, bucket, upload.key())) {
                continue;
            }
            s3.abortMultipartUpload(abort -> abort.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
            effects.add("aborted the multipart upload " + upload.uploadId() + " of s3://" + bucket + "/" + upload.key()
                    + " (rule " + rule.name() + ", initiated " + upload.initiated() + ", due " + due + ")");
        }
    }

    /**
     * When an action due {@code days} after {@code start} happens on S3: S3 adds the rule's days to the object's
     * creation time and rounds the result up to the next midnight UTC; its example, an object created on
     * 2014-01-15 at 10:30 UTC under a 3-day rule, is due on 2014-01-19 at 00:00 UTC (S3 User Guide, "Lifecycle
     * configuration elements", https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html).
     * "Next midnight" holds at midnight itself: an object created at exactly 00:00 UTC under a 1-day rule is due
     * two midnights later, as LocalStack's S3 (tested for parity with AWS) computes it: the creation day's
     * midnight plus days + 1 ({@code add_expiration_days_to_datetime}, localstack-core/localstack/services/s3/utils.py).
     */
    static Instant dueAt(Instant start, int days) {
        LocalDate day = start.atZone(ZoneOffset.UTC).toLocalDate();
        return day.plusDays(days + 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
