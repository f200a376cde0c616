package dev.reelforge.local.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A "MediaConvert Job State Change" event as EventBridge delivers it, for tests that send one themselves. */
final class JobStateChange {

    private JobStateChange() {}

    /**
     * The event of {@code jobId} moving to {@code status}, for render {@code renderId} of {@code owner} in
     * {@code environment}; the caller adds what the status carries (outputs, progress, error) to {@code detail}.
     */
    static ObjectNode of(String jobId, String status, String owner, String renderId, String environment) {
        ObjectNode event = Json.object()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", "MediaConvert Job State Change")
                .put("source", "aws.mediaconvert")
                .put("account", "000000000000")
                .put("time", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("region", "us-east-1");
        event.putArray("resources").add("arn:aws:mediaconvert:us-east-1:000000000000:jobs/" + jobId);
        ObjectNode detail = event.putObject("detail")
                .put("timestamp", System.currentTimeMillis())
                .put("accountId", "000000000000")
                .put("queue", "arn:aws:mediaconvert:us-east-1:000000000000:queues/Default")
                .put("jobId", jobId)
                .put("status", status);
        detail.putObject("userMetadata").put("application", "reelforge").put("owner", owner)
                .put("renderId", renderId).put("environment", environment);
        return event;
    }
}
