package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.reelforge.local.LocalStack;
import dev.reelforge.local.ProjectFiles;
import dev.reelforge.local.s3.RecordingS3EventHandler;
import dev.reelforge.local.s3.RecordingS3MessageHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Objects created in a bucket reach the functions whose template.yaml {@code S3} events subscribe to them, as
 * S3 invokes Lambda: one record per creation, named after the request, the key URL-encoded. The stack runs
 * template.yaml plus two recording functions on the temporary bucket: one takes {@code uploads/} keys as an
 * {@link S3Event}, the other every created {@code .bin} object as plain JSON.
 */
class S3EventNotificationsIT {

    private static final String RECORDING_FUNCTIONS = """
              UploadsRecorderFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: local/target/test-classes
                  Handler: dev.reelforge.local.s3.RecordingS3EventHandler::handleRequest
                  Events:
                    Uploads:
                      Type: S3
                      Properties:
                        Bucket: !Ref TempBucket
                        Events: s3:ObjectCreated:*
                        Filter:
                          S3Key:
                            Rules:
                              - Name: prefix
                                Value: uploads/
              BinaryRecorderFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: local/target/test-classes
                  Handler: dev.reelforge.local.s3.RecordingS3MessageHandler::handleRequest
                  Events:
                    Binaries:
                      Type: S3
                      Properties:
                        Bucket: !Ref TempBucket
                        Events: [s3:ObjectCreated:Put, s3:ObjectCreated:Copy, s3:ObjectCreated:CompleteMultipartUpload]
                        Filter:
                          S3Key:
                            Rules:
                              - Name: suffix
                                Value: .bin
            """;

    private static Path root;
    private static LocalStack stack;
    private static S3Client s3;
    private static String bucket;

    @BeforeAll
    static void startStack() throws IOException {
        root = SharedStack.temporaryDirectory("reelforge-s3-events-");
        String template = Files.readString(ProjectFiles.template(), StandardCharsets.UTF_8);
        Path withRecorders = root.resolve("template.yaml");
        Files.writeString(withRecorders, template.replaceFirst("\nResources:\n", "\nResources:\n" + RECORDING_FUNCTIONS),
                StandardCharsets.UTF_8);
        stack = LocalStack.start(new LocalStack.Options(withRecorders, root.resolve("data"), 0, line -> {}, true,
                RenderTestStack.sharedFfmpeg(), Map.of()));
        s3 = stack.services().s3();
        bucket = stack.template().buckets().stream().filter(candidate -> candidate.logicalId().equals("TempBucket"))
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
    void forgetEarlierDeliveries() throws InterruptedException {
        settle();
        RecordingS3EventHandler.DELIVERED.clear();
        RecordingS3MessageHandler.DELIVERED.clear();
    }

    private static void settle() throws InterruptedException {
        assertThat(stack.awaitAsyncInvocations(Duration.ofSeconds(20))).as("deliveries finished").isTrue();
    }

    /**
     * The records delivered to the uploads function, one per object written. S3 delivers a notification at least
     * once, so the same record may come twice; a repeat carries the same sequencer and is counted once here. A
     * second write of an object, even with the same content, is a new event with a greater sequencer: counted.
     */
    private static List<S3EventNotificationRecord> uploadsRecords() throws InterruptedException {
        settle();
        Map<String, S3EventNotificationRecord> bySequencer = new LinkedHashMap<>();
        for (S3Event event : RecordingS3EventHandler.DELIVERED) {
            assertThat(event.getRecords()).as("one record per event").hasSize(1);
            S3EventNotificationRecord record = event.getRecords().getFirst();
            S3EventNotificationRecord earlier = bySequencer.putIfAbsent(record.getS3().getObject().getSequencer(), record);
            if (earlier != null) {
                assertThat(describe(record)).as("a repeat is the same notification").isEqualTo(describe(earlier));
            }
        }
        return new ArrayList<>(bySequencer.values());
    }

    private static String describe(S3EventNotificationRecord record) {
        return record.getEventName() + " " + record.getS3().getObject().getKey() + " "
                + record.getS3().getObject().geteTag() + " " + record.getEventTime();
    }

    /** The messages delivered to the binaries function, a repeated notification (same sequencer) counted once. */
    private static List<Map<String, Object>> binaryMessages() throws InterruptedException {
        settle();
        Map<String, Map<String, Object>> bySequencer = new LinkedHashMap<>();
        for (Map<String, Object> message : RecordingS3MessageHandler.DELIVERED) {
            Map<String, Object> earlier = bySequencer.putIfAbsent(objectOf(message).get("sequencer").toString(), message);
            if (earlier != null) {
                assertThat(message).as("a repeat is the same notification").isEqualTo(earlier);
            }
        }
        return new ArrayList<>(bySequencer.values());
    }

    private static String put(String key, String content) {
        return s3.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromString(content)).eTag().replace("\"", "");
    }

    @Test
    void aPutDeliversOneObjectCreatedPutRecordWithTheKeyUrlEncoded() throws InterruptedException {
        String eTag = put("uploads/my clip é.bin", "twelve bytes");

        S3EventNotificationRecord record = single(uploadsRecords());
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.getEventSource()).isEqualTo("aws:s3");
        assertThat(record.getS3().getConfigurationId()).isEqualTo("Uploads");
        assertThat(record.getS3().getBucket().getName()).isEqualTo(bucket);
        assertThat(record.getS3().getObject().getKey()).isEqualTo("uploads/my+clip+%C3%A9.bin");
        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo("uploads/my clip é.bin");
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(12);
        assertThat(record.getS3().getObject().geteTag()).isEqualTo(eTag);
        assertThat(s3.getObjectAsBytes(get -> get.bucket(bucket).key(record.getS3().getObject().getUrlDecodedKey()))
                .asUtf8String()).as("the decoded key names the object").isEqualTo("twelve bytes");
    }

    @Test
    void aCopyDeliversOneObjectCreatedCopyRecord() throws InterruptedException {
        put("sources/original.bin", "copied content");
        settle();
        RecordingS3EventHandler.DELIVERED.clear();
        RecordingS3MessageHandler.DELIVERED.clear();

        String eTag = s3.copyObject(copy -> copy.sourceBucket(bucket).sourceKey("sources/original.bin")
                .destinationBucket(bucket).destinationKey("uploads/copy of é.bin")).copyObjectResult().eTag()
                .replace("\"", "");

        S3EventNotificationRecord record = single(uploadsRecords());
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Copy");
        assertThat(record.getS3().getObject().getKey()).isEqualTo("uploads/copy+of+%C3%A9.bin");
        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo("uploads/copy of é.bin");
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(14);
        assertThat(record.getS3().getObject().geteTag()).isEqualTo(eTag);
    }

    @Test
    void aMultipartUploadDeliversOneRecordWhenItCompletes() throws InterruptedException {
        String key = "uploads/parts é.bin";
        String uploadId = s3.createMultipartUpload(create -> create.bucket(bucket).key(key)).uploadId();
        byte[] first = new byte[5 * 1024 * 1024];
        byte[] second = "the end".getBytes(StandardCharsets.UTF_8);
        String firstTag = s3.uploadPart(part -> part.bucket(bucket).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(first)).eTag();
        String secondTag = s3.uploadPart(part -> part.bucket(bucket).key(key).uploadId(uploadId).partNumber(2),
                RequestBody.fromBytes(second)).eTag();
        assertThat(uploadsRecords()).as("parts create no object").isEmpty();

        String eTag = s3.completeMultipartUpload(complete -> complete.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(upload -> upload.parts(
                        CompletedPart.builder().partNumber(1).eTag(firstTag).build(),
                        CompletedPart.builder().partNumber(2).eTag(secondTag).build()))).eTag().replace("\"", "");

        S3EventNotificationRecord record = single(uploadsRecords());
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(record.getS3().getObject().getKey()).isEqualTo("uploads/parts+%C3%A9.bin");
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(first.length + second.length);
        assertThat(record.getS3().getObject().geteTag()).isEqualTo(eTag).endsWith("-2");
    }

    @Test
    void keysOutsideAFunctionsFilterDeliverNothingToIt() throws InterruptedException {
        put("elsewhere/report.txt", "neither prefix nor suffix");
        put("uploads/notes.txt", "prefix only");
        put("elsewhere/blob.bin", "suffix only");

        assertThat(uploadsRecords()).extracting(record -> record.getS3().getObject().getKey())
                .containsExactly("uploads/notes.txt");
        assertThat(binaryMessages()).extracting(S3EventNotificationsIT::keyOf).containsExactly("elsewhere/blob.bin");
    }

    @Test
    void theMessageIsShapedAsS3SendsIt() throws InterruptedException {
        String eTag = put("elsewhere/shape test.bin", "shape");

        Map<String, Object> message = single(binaryMessages());
        assertThat(message).containsOnlyKeys("Records");
        Map<String, Object> record = map(((List<?>) message.get("Records")).getFirst());
        assertThat(record).containsOnlyKeys("eventVersion", "eventSource", "awsRegion", "eventTime", "eventName",
                "userIdentity", "requestParameters", "responseElements", "s3");
        assertThat(record).containsEntry("eventVersion", "2.1").containsEntry("eventSource", "aws:s3")
                .containsEntry("awsRegion", "us-east-1").containsEntry("eventName", "ObjectCreated:Put");
        assertThat((String) record.get("eventTime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(map(record.get("responseElements"))).containsOnlyKeys("x-amz-request-id", "x-amz-id-2");
        Map<String, Object> s3Entity = map(record.get("s3"));
        assertThat(s3Entity).containsOnlyKeys("s3SchemaVersion", "configurationId", "bucket", "object")
                .containsEntry("s3SchemaVersion", "1.0").containsEntry("configurationId", "Binaries");
        assertThat(map(s3Entity.get("bucket"))).containsOnlyKeys("name", "ownerIdentity", "arn")
                .containsEntry("arn", "arn:aws:s3:::" + bucket);
        Map<String, Object> object = map(s3Entity.get("object"));
        assertThat(object).as("no versionId: the bucket is not versioned")
                .containsOnlyKeys("key", "size", "eTag", "sequencer")
                .containsEntry("key", "elsewhere/shape+test.bin").containsEntry("size", 5).containsEntry("eTag", eTag);
        Instant lastModified = s3.headObject(head -> head.bucket(bucket).key("elsewhere/shape test.bin")).lastModified();
        assertThat(Instant.parse((String) record.get("eventTime")).truncatedTo(ChronoUnit.SECONDS))
                .as("the event's time is the object's").isEqualTo(lastModified);
    }

    @Test
    void laterWritesOfAKeyCarryGreaterSequencers() throws InterruptedException {
        put("uploads/again.bin", "first");
        settle();
        put("uploads/again.bin", "second");

        List<String> sequencers = uploadsRecords().stream()
                .sorted(Comparator.comparing(record -> record.getS3().getObject().getSizeAsLong()))
                .map(record -> record.getS3().getObject().getSequencer()).toList();
        assertThat(sequencers).hasSize(2);
        assertThat(sequencers.get(0)).matches("[0-9A-F]+");
        assertThat(sequencers.get(1)).matches("[0-9A-F]+").isGreaterThan(sequencers.get(0));
    }

    @Test
    void anObjectCreatedWhileTheClockIsAheadIsDatedAndAnnouncedByThatClock() throws InterruptedException {
        stack.clock().advance(Duration.ofDays(3));
        Instant before = stack.clock().instant();

        put("uploads/later.bin", "from the future");

        Instant lastModified = s3.headObject(head -> head.bucket(bucket).key("uploads/later.bin")).lastModified();
        assertThat(lastModified).isBetween(before.truncatedTo(ChronoUnit.SECONDS), stack.clock().instant());
        S3EventNotificationRecord record = single(uploadsRecords());
        assertThat(Instant.ofEpochMilli(record.getEventTime().getMillis())).isBetween(before, stack.clock().instant());
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.getFirst();
    }

    private static String keyOf(Map<String, Object> message) {
        return String.valueOf(objectOf(message).get("key"));
    }

    private static Map<String, Object> objectOf(Map<String, Object> message) {
        Map<String, Object> record = map(((List<?>) message.get("Records")).getFirst());
        return map(map(record.get("s3")).get("object"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
