package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.render.RenderKey;
import dev.reelforge.local.LocalClients;
import dev.reelforge.local.LocalCredentials;
import dev.reelforge.local.lambda.LambdaJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.mediaconvert.MediaConvertClient;
import software.amazon.awssdk.services.mediaconvert.model.Job;

/**
 * Events arrive at least once and late: a COMPLETE delivered again, a progress or error event arriving after
 * the render is done, and the stream record of the render's insertion delivered to the worker again all
 * leave a done render exactly as it was, and start no second encoding job. The events are shaped as
 * EventBridge and the DynamoDB stream deliver them and handed to the stack's own function instances, as
 * Lambda would.
 */
class RenderReplaysIT {

    private static RenderTestStack stack;
    private static String id;
    private static RenderKey key;
    private static String jobId;
    private static String bucket;

    @BeforeAll
    static void renderOneEdit() {
        stack = RenderTestStack.start();
        String clip = stack.url(stack.media().video("clip.mp4", 320, 180, 2, 440));
        id = stack.render(Environment.V1, """
                {"timeline": {"tracks": [{"clips": [{"asset": {"type": "video", "src": "%s"}, "start": 0, "length": 2}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}, "poster": {"capture": 1}}}
                """.formatted(clip)).render().path("id").asText();
        key = new RenderKey(stack.owner(), UUID.fromString(id));
        jobId = stack.renders().jobOf(key).orElseThrow(() -> new AssertionError("the done render has no job"));
        bucket = stack.stack().function("RenderWorkerFunction").definition().environment().get("TEMP_BUCKET");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** A "MediaConvert Job State Change" of the render's job, as EventBridge delivers it. */
    private static ObjectNode jobEvent(String status) {
        ObjectNode event = JobStateChange.of(jobId, status, stack.owner(), id, "v1");
        ObjectNode detail = (ObjectNode) event.path("detail");
        switch (status) {
            case "COMPLETE" -> {
                ObjectNode group = detail.putArray("outputGroupDetails").addObject().put("type", "FILE_GROUP");
                ArrayNode outputs = group.putArray("outputDetails");
                ObjectNode mp4 = outputs.addObject().put("durationInMs", 2000);
                mp4.putArray("outputFilePaths").add("s3://" + bucket + "/renders/" + stack.owner() + "/" + id + ".mp4");
                mp4.putObject("videoDetails").put("widthInPx", 320).put("heightInPx", 180);
                ObjectNode poster = outputs.addObject().put("durationInMs", 2000);
                poster.putArray("outputFilePaths").add("s3://" + bucket + "/renders/" + stack.owner() + "/" + id
                        + "-poster.0000001.jpg");
            }
            case "STATUS_UPDATE", "STATUS_UPDATE_UPLOADING" -> {
                boolean uploading = status.endsWith("UPLOADING");
                detail.put("status", "STATUS_UPDATE").put("framesDecoded", 25);
                ObjectNode progress = detail.putObject("jobProgress")
                        .put("jobPercentComplete", uploading ? 95 : 40)
                        .put("currentPhase", uploading ? "UPLOADING" : "TRANSCODING")
                        .put("retryCount", 0);
                progress.putObject("phaseProgress").putObject("TRANSCODING").put("status", "PROGRESSING")
                        .put("percentComplete", 40);
            }
            case "ERROR" -> detail.put("errorCode", 1999).put("errorMessage", "a late error of a finished job");
            default -> { }
        }
        return event;
    }

    private static String invokeStatusFunction(ObjectNode event) {
        Object result = stack.stack().function("RenderStatusFunction")
                .invoke(LambdaJson.fromJson(Json.write(event), ScheduledEvent.class));
        return String.valueOf(result);
    }

    /** The render's status response, and the job count, that must not change. */
    private record Snapshot(JsonNode render, List<String> jobs) {}

    private static Snapshot snapshot() {
        return new Snapshot(stack.status(Environment.V1, id), jobsOfTheRender());
    }

    private static void assertUnchanged(Snapshot before) {
        Snapshot after = snapshot();
        assertThat(after.render()).as("the render's status response").isEqualTo(before.render());
        assertThat(after.render().path("status").asText()).isEqualTo("done");
        assertThat(after.render().has("error")).isFalse();
        assertThat(after.jobs()).as("encoding jobs of the render").isEqualTo(before.jobs()).hasSize(1);
    }

    @Test
    void aCompleteEventDeliveredAgainChangesNothing() {
        Snapshot before = snapshot();

        String outcome = invokeStatusFunction(jobEvent("COMPLETE"));

        assertThat(outcome).startsWith("ignored");
        assertUnchanged(before);
        assertThat(stack.status(Environment.V1, id).path("url").asText()).isEqualTo(before.render().path("url").asText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PROGRESSING", "STATUS_UPDATE", "STATUS_UPDATE_UPLOADING", "ERROR", "CANCELED"})
    void aLateJobEventLeavesADoneRenderDone(String status) {
        Snapshot before = snapshot();

        invokeStatusFunction(jobEvent(status));

        assertUnchanged(before);
    }

    @Test
    void anEventOfAnotherJobNamingTheRenderIsIgnored() {
        Snapshot before = snapshot();
        ObjectNode event = jobEvent("ERROR");
        ((ObjectNode) event.path("detail")).put("jobId", "1795169762000-other1");

        String outcome = invokeStatusFunction(event);

        assertThat(outcome).startsWith("ignored");
        assertUnchanged(before);
    }

    @Test
    void theInsertRecordDeliveredToTheWorkerAgainChangesNothing() throws IOException {
        Snapshot before = snapshot();
        ObjectNode record = insertRecordOfTheRender();

        ObjectNode event = Json.object();
        event.putArray("Records").add(record);
        Object response = stack.stack().function("RenderWorkerFunction")
                .invoke(LambdaJson.fromJson(Json.write(event), DynamodbEvent.class));

        JsonNode result = Json.MAPPER.readTree(LambdaJson.toJson(response));
        assertThat(result.path("batchItemFailures")).as("batch item failures in %s", result).isEmpty();
        assertUnchanged(before);
    }

    /** The render's INSERT record, read from the table's stream and written as Lambda receives it. */
    private static ObjectNode insertRecordOfTheRender() {
        try (DynamoDbStreamsClient streams = LocalClients.dynamoDbStreams(stack.stack().services().endpoints().dynamoDb())) {
            String streamArn = stack.stack().services().dynamoDb()
                    .describeTable(describe -> describe.tableName(stack.stack().tableName("RendersTable")))
                    .table().latestStreamArn();
            for (Shard shard : streams.describeStream(describe -> describe.streamArn(streamArn))
                    .streamDescription().shards()) {
                String iterator = streams.getShardIterator(get -> get.streamArn(streamArn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                while (iterator != null) {
                    String current = iterator;
                    var page = streams.getRecords(get -> get.shardIterator(current).limit(100));
                    for (Record record : page.records()) {
                        if (record.eventNameAsString().equals("INSERT")
                                && id.equals(record.dynamodb().keys().get("id").s())) {
                            return lambdaJson(record, streamArn);
                        }
                    }
                    iterator = page.records().isEmpty() ? null : page.nextShardIterator();
                }
            }
        }
        throw new AssertionError("no INSERT record of render " + id + " on the renders stream");
    }

    private static ObjectNode lambdaJson(Record record, String streamArn) {
        ObjectNode json = Json.object()
                .put("eventID", record.eventID())
                .put("eventName", record.eventNameAsString())
                .put("eventVersion", record.eventVersion())
                .put("eventSource", "aws:dynamodb")
                .put("awsRegion", "us-east-1")
                .put("eventSourceARN", streamArn);
        ObjectNode dynamodb = json.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", record.dynamodb().approximateCreationDateTime().getEpochSecond());
        dynamodb.set("Keys", image(record.dynamodb().keys()));
        dynamodb.set("NewImage", image(record.dynamodb().newImage()));
        dynamodb.put("SequenceNumber", record.dynamodb().sequenceNumber());
        dynamodb.put("SizeBytes", record.dynamodb().sizeBytes());
        dynamodb.put("StreamViewType", record.dynamodb().streamViewTypeAsString());
        return json;
    }

    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode json = Json.object();
        item.forEach((name, value) -> {
            ObjectNode attribute = json.putObject(name);
            switch (value.type()) {
                case S -> attribute.put("S", value.s());
                case N -> attribute.put("N", value.n());
                case B -> attribute.put("B", Base64.getEncoder().encodeToString(value.b().asByteArray()));
                case BOOL -> attribute.put("BOOL", value.bool());
                default -> throw new AssertionError("a render item has no " + value.type() + " attribute: " + name);
            }
        });
        return json;
    }

    /** Ids of the MediaConvert jobs whose user metadata names the render. */
    private static List<String> jobsOfTheRender() {
        try (MediaConvertClient mediaConvert = MediaConvertClient.builder()
                .endpointOverride(stack.stack().descriptor().services().get("mediaconvert"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LocalCredentials.ACCESS_KEY_ID, LocalCredentials.SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            List<String> jobs = new ArrayList<>();
            for (Job job : mediaConvert.listJobsPaginator(list -> list.maxResults(20)).jobs()) {
                if (id.equals(job.userMetadata().get("renderId"))) {
                    jobs.add(job.id());
                }
            }
            return jobs;
        }
    }
}
