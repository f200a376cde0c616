package dev.reelforge.local.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.lambda.LocalFunction;
import dev.reelforge.local.s3.ObjectCreated;
import dev.reelforge.local.template.BucketDefinition;
import dev.reelforge.local.template.BucketEventDefinition;
import dev.reelforge.local.template.StackIdentity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * S3 event notifications to Lambda: each object created in a bucket is delivered to every function whose
 * {@code S3} event names that bucket, the creation's event type and a key its filter takes, as S3 invokes
 * Lambda: asynchronously (with Lambda's retries), one record per event, shaped as S3's event message version
 * 2.1. Lifecycle deletions and other removals send nothing (the stack delivers object-created events only).
 */
public final class S3EventNotifications implements Consumer<ObjectCreated> {

    /**
     * eventTime: "ISO-8601 format (for example, 1970-01-01T00:00:00.000Z)", always with milliseconds
     * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
     */
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Subscription(BucketEventDefinition event, String bucketName, LocalFunction target) {}

    private final List<Subscription> subscriptions = new ArrayList<>();
    private final AsyncInvoker invoker;
    private final StackIdentity stack;
    private final Consumer<String> log;

    public S3EventNotifications(Collection<BucketDefinition> buckets, Collection<LocalFunction> functions,
            AsyncInvoker invoker, StackIdentity stack, Consumer<String> log) {
        this.invoker = invoker;
        this.stack = stack;
        this.log = log;
        Map<String, String> bucketNames = buckets.stream()
                .collect(Collectors.toMap(BucketDefinition::logicalId, BucketDefinition::bucketName));
        for (LocalFunction function : functions) {
            for (BucketEventDefinition event : function.definition().bucketEvents()) {
                subscriptions.add(new Subscription(event, bucketNames.get(event.bucketLogicalId()), function));
            }
        }
    }

    @Override
    public void accept(ObjectCreated created) {
        // One request, one request id, whatever the number of notifications it causes.
        String requestId = HexFormat.of().withUpperCase().formatHex(randomBytes(8));
        String hostId = Base64.getEncoder().encodeToString(randomBytes(56));
        for (Subscription subscription : subscriptions) {
            if (subscription.bucketName().equals(created.bucket())
                    && subscription.event().matches(created.kind().eventName(), created.key())) {
                try {
                    invoker.invoke(subscription.target(), Json.write(
                            message(created, subscription.event().name(), stack, requestId, hostId)));
                } catch (RuntimeException stopping) {
                    log.accept("S3 event " + created.kind().eventName() + " of " + created.key() + " not delivered to "
                            + subscription.target().definition().logicalId() + ": " + stopping);
                }
            }
        }
    }

    /** The event message S3 sends for {@code created} through the notification {@code configurationId}. */
    static ObjectNode message(ObjectCreated created, String configurationId, StackIdentity stack, String requestId,
            String hostId) {
        ObjectNode message = Json.object();
        ObjectNode record = message.putArray("Records").addObject()
                .put("eventVersion", "2.1")
                .put("eventSource", "aws:s3")
                .put("awsRegion", stack.region())
                .put("eventTime", EVENT_TIME.format(created.time()))
                .put("eventName", created.kind().eventName());
        // Locally every request is signed with the one local key pair, from loopback.
        record.putObject("userIdentity").put("principalId", "AWS:" + stack.accountId());
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        record.putObject("responseElements").put("x-amz-request-id", requestId).put("x-amz-id-2", hostId);
        ObjectNode s3 = record.putObject("s3").put("s3SchemaVersion", "1.0").put("configurationId", configurationId);
        ObjectNode bucket = s3.putObject("bucket").put("name", created.bucket());
        bucket.putObject("ownerIdentity").put("principalId", stack.accountId());
        bucket.put("arn", "arn:aws:s3:::" + created.bucket());
        // versionId is left out: S3 sends it only for buckets with versioning, which the embedded stack has not.
        s3.putObject("object")
                .put("key", encodeKey(created.key()))
                .put("size", created.size())
                .put("eTag", created.eTag())
                .put("sequencer", created.sequencer());
        return message;
    }

    /**
     * The key as S3 writes it in events: URL-encoded as a form value ("red flower.jpg" becomes "red+flower.jpg",
     * non-ASCII as percent-encoded UTF-8, {@code =} as {@code %3D}), the {@code /} between key segments kept.
     */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
