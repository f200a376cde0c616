package dev.reelforge.local.mediaconvert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The "MediaConvert Job State Change" events as EventBridge delivers them: the envelope ({@code version},
 * {@code id}, {@code detail-type}, {@code source}, {@code account}, {@code time} to the second,
 * {@code region}, {@code resources} = the job's ARN) around a {@code detail} with {@code timestamp} (epoch
 * milliseconds), {@code accountId}, {@code queue}, {@code jobId}, {@code status} and the job's
 * {@code userMetadata}, plus what the status adds.
 */
final class JobEvents {

    static final String DETAIL_TYPE = "MediaConvert Job State Change";
    static final String SOURCE = "aws.mediaconvert";

    private final String account;
    private final String region;

    JobEvents(String account, String region) {
        this.account = account;
        this.region = region;
    }

    String event(EmulatedJob job, String status, ObjectNode extra, Instant time) {
        ObjectNode event = Json.object();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", DETAIL_TYPE);
        event.put("source", SOURCE);
        event.put("account", account);
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add(job.arn());
        ObjectNode detail = event.putObject("detail");
        detail.put("timestamp", time.toEpochMilli());
        detail.put("accountId", account);
        detail.put("queue", job.queue());
        detail.put("jobId", job.id());
        detail.put("status", status);
        ObjectNode metadata = detail.putObject("userMetadata");
        job.spec().userMetadata().forEach(metadata::put);
        detail.setAll(extra);
        try {
            return Json.MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
