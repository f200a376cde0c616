package dev.reelforge.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import dev.reelforge.local.lambda.LambdaJson;
import dev.reelforge.local.s3.ObjectCreated;
import dev.reelforge.local.template.StackIdentity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records the embedded stack delivers are S3's event message, version 2.1, field for field. */
class S3EventNotificationsTest {

    private static final ObjectCreated CREATED = new ObjectCreated("reelforge-local-temp-000000000000-us-east-1",
            "renders/owner/my clip é (1)=final.mp4", ObjectCreated.Kind.COMPLETE_MULTIPART_UPLOAD, 10_485_760,
            "0c78aef83f66abc1fa1e8477f296d394-2", Instant.parse("2026-01-16T11:30:00.120Z"), "00064874B8F9D000");

    private final ObjectNode message = S3EventNotifications.message(CREATED, "Promote", StackIdentity.LOCAL,
            "C3D13FE58DE4C810", "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD");

    @Test
    void aRecordCarriesEveryFieldOfS3sEventMessage() {
        JsonNode record = message.path("Records").get(0);

        assertThat(message.path("Records")).hasSize(1);
        assertThat(record.path("eventVersion").asText()).isEqualTo("2.1");
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.path("awsRegion").asText()).isEqualTo("us-east-1");
        assertThat(record.path("eventTime").asText()).isEqualTo("2026-01-16T11:30:00.120Z");
        assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(record.path("userIdentity").path("principalId").asText()).isNotBlank();
        assertThat(record.path("requestParameters").path("sourceIPAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(record.path("responseElements").path("x-amz-request-id").asText()).isEqualTo("C3D13FE58DE4C810");
        assertThat(record.path("responseElements").path("x-amz-id-2").asText()).startsWith("FMyUVURIY8");
        JsonNode s3 = record.path("s3");
        assertThat(s3.path("s3SchemaVersion").asText()).isEqualTo("1.0");
        assertThat(s3.path("configurationId").asText()).isEqualTo("Promote");
        assertThat(s3.path("bucket").path("name").asText()).isEqualTo(CREATED.bucket());
        assertThat(s3.path("bucket").path("ownerIdentity").path("principalId").asText()).isNotBlank();
        assertThat(s3.path("bucket").path("arn").asText()).isEqualTo("arn:aws:s3:::" + CREATED.bucket());
        JsonNode object = s3.path("object");
        assertThat(object.path("key").asText()).isEqualTo("renders/owner/my+clip+%C3%A9+%281%29%3Dfinal.mp4");
        assertThat(object.path("size").isIntegralNumber()).isTrue();
        assertThat(object.path("size").asLong()).isEqualTo(10_485_760);
        assertThat(object.path("eTag").asText()).isEqualTo("0c78aef83f66abc1fa1e8477f296d394-2");
        assertThat(object.path("sequencer").asText()).isEqualTo("00064874B8F9D000");
        assertThat(object.has("versionId")).as("versionId, sent for versioned buckets only").isFalse();
    }

    @Test
    void keysAreFormEncodedWithTheirSlashesKept() {
        assertThat(S3EventNotifications.encodeKey("red flower.jpg")).isEqualTo("red+flower.jpg");
        assertThat(S3EventNotifications.encodeKey("renders/a/b.mp4")).isEqualTo("renders/a/b.mp4");
        assertThat(S3EventNotifications.encodeKey("dt=2026-01-15/é+ü.txt")).isEqualTo("dt%3D2026-01-15/%C3%A9%2B%C3%BC.txt");
    }

    @Test
    void aHandlerGetsTheRecordAsAnS3EventWithTheKeyStillEncodedAndDecodable() {
        S3Event event = LambdaJson.fromJson(Json.write(message), S3Event.class);

        S3EventNotificationRecord record = event.getRecords().getFirst();
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(record.getEventTime().getMillis()).isEqualTo(CREATED.time().toEpochMilli());
        assertThat(record.getS3().getConfigurationId()).isEqualTo("Promote");
        assertThat(record.getS3().getBucket().getName()).isEqualTo(CREATED.bucket());
        assertThat(record.getS3().getObject().getKey()).isEqualTo("renders/owner/my+clip+%C3%A9+%281%29%3Dfinal.mp4");
        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo(CREATED.key());
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(CREATED.size());
        assertThat(record.getS3().getObject().geteTag()).isEqualTo(CREATED.eTag());
        assertThat(record.getS3().getObject().getVersionId()).as("absent, which the Java runtime reads as empty")
                .isNullOrEmpty();
        assertThat(record.getS3().getObject().getSequencer()).isEqualTo(CREATED.sequencer());
        assertThat(record.getResponseElements().getxAmzRequestId()).isEqualTo("C3D13FE58DE4C810");
    }

    @Test
    void theAwsSdksOwnParserReadsTheRecord() {
        var notification = com.amazonaws.services.s3.event.S3EventNotification.parseJson(Json.write(message));

        List<com.amazonaws.services.s3.event.S3EventNotification.S3EventNotificationRecord> records = notification.getRecords();
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().getEventNameAsEnum())
                .isEqualTo(com.amazonaws.services.s3.model.S3Event.ObjectCreatedByCompleteMultipartUpload);
        assertThat(records.getFirst().getS3().getObject().getUrlDecodedKey()).isEqualTo(CREATED.key());
        assertThat(records.getFirst().getS3().getObject().getSizeAsLong()).isEqualTo(CREATED.size());
        assertThat(records.getFirst().getEventTime().getMillis()).isEqualTo(CREATED.time().toEpochMilli());
    }
}
