package dev.reelforge.local.mediaconvert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelforge.core.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One job and where it is. Every change of status happens under the job's lock together with the event
 * that announces it, so events of a job never interleave and nothing follows its COMPLETE, ERROR or
 * CANCELED. What a restart needs of it ({@link #stored}: the request, the status and the times) is kept in the
 * data directory by {@link JobStore}; the progress within a run is not, since a job found unfinished runs again.
 */
final class EmulatedJob {

    enum Status { SUBMITTED, PROGRESSING, COMPLETE, CANCELED, ERROR }

    enum Phase { PROBING, TRANSCODING, UPLOADING }

    /** Announces a change: the event's status and the fields it adds to the event's detail. */
    interface Announcer {
        void announce(EmulatedJob job, String status, ObjectNode detail);
    }

    private final String id;
    private final String arn;
    private final String queue;
    private final JobSpec spec;
    private final JsonNode request;
    private final Instant createdAt;

    private Status status = Status.SUBMITTED;
    private Phase phase;
    private int percent;
    private final int[] phasePercent = new int[Phase.values().length];
    private long framesDecoded;
    private Integer errorCode;
    private String errorMessage;
    private Instant startTime;
    private Instant finishTime;
    private ArrayNode outputGroupDetails;
    private Process process;

    /**
     * @param request the CreateJob body as it came, of which {@code spec} was read
     */
    EmulatedJob(String id, String arn, String queue, JobSpec spec, JsonNode request, Instant createdAt) {
        this.id = id;
        this.arn = arn;
        this.queue = queue;
        this.spec = spec;
        this.request = request;
        this.createdAt = createdAt;
    }

    /** The job as {@link #stored} kept it: a job that was PROGRESSING is so again, at the start of its run. */
    static EmulatedJob restore(JsonNode stored) {
        JsonNode request = stored.path("request");
        EmulatedJob job = new EmulatedJob(stored.path("id").asText(), stored.path("arn").asText(),
                stored.path("queue").asText(), JobSpec.parse(request), request,
                Instant.ofEpochMilli(stored.path("createdAt").asLong()));
        job.status = Status.valueOf(stored.path("status").asText());
        job.startTime = instant(stored.path("startTime"));
        job.finishTime = instant(stored.path("finishTime"));
        if (job.status == Status.PROGRESSING) {
            job.phase = Phase.PROBING;
        }
        if (job.status == Status.ERROR) {
            job.errorCode = stored.path("errorCode").asInt();
            job.errorMessage = stored.path("errorMessage").asText();
        }
        if (stored.path("outputGroupDetails").isArray()) {
            job.outputGroupDetails = (ArrayNode) stored.path("outputGroupDetails");
        }
        return job;
    }

    private static Instant instant(JsonNode epochMillis) {
        return epochMillis.isIntegralNumber() ? Instant.ofEpochMilli(epochMillis.asLong()) : null;
    }

    /** What {@link #restore} makes the job again from. */
    synchronized ObjectNode stored() {
        ObjectNode stored = Json.object();
        stored.put("id", id);
        stored.put("arn", arn);
        stored.put("queue", queue);
        stored.put("createdAt", createdAt.toEpochMilli());
        stored.put("status", status.name());
        Optional.ofNullable(startTime).ifPresent(time -> stored.put("startTime", time.toEpochMilli()));
        Optional.ofNullable(finishTime).ifPresent(time -> stored.put("finishTime", time.toEpochMilli()));
        if (status == Status.ERROR) {
            stored.put("errorCode", errorCode);
            stored.put("errorMessage", errorMessage);
        }
        if (outputGroupDetails != null) {
            stored.set("outputGroupDetails", outputGroupDetails);
        }
        stored.set("request", request);
        return stored;
    }

    String id() {
        return id;
    }

    String arn() {
        return arn;
    }

    String queue() {
        return queue;
    }

    JobSpec spec() {
        return spec;
    }

    Instant createdAt() {
        return createdAt;
    }

    synchronized Status status() {
        return status;
    }

    synchronized boolean finished() {
        return status == Status.COMPLETE || status == Status.CANCELED || status == Status.ERROR;
    }

    /**
     * SUBMITTED to PROGRESSING; false when the job was canceled first. A job restored PROGRESSING (its run was
     * cut short by a kill) starts its run again without a second PROGRESSING event.
     */
    synchronized boolean start(Instant now, Announcer announcer) {
        if (status == Status.PROGRESSING) {
            return true;
        }
        if (status != Status.SUBMITTED) {
            return false;
        }
        status = Status.PROGRESSING;
        phase = Phase.PROBING;
        startTime = now;
        announcer.announce(this, "PROGRESSING", Json.object());
        return true;
    }

    /**
     * Records progress; announces a STATUS_UPDATE when {@code announce}. Returns false once the job is over
     * (canceled meanwhile), so the worker stops.
     */
    synchronized boolean progress(Phase now, int phaseDone, int jobDone, long frames, boolean announce,
            Announcer announcer) {
        if (status != Status.PROGRESSING) {
            return false;
        }
        for (Phase earlier : Phase.values()) {
            if (earlier.ordinal() < now.ordinal()) {
                phasePercent[earlier.ordinal()] = 100;
            }
        }
        phase = now;
        phasePercent[now.ordinal()] = Math.max(phasePercent[now.ordinal()], phaseDone);
        percent = Math.max(percent, jobDone);
        framesDecoded = Math.max(framesDecoded, frames);
        if (announce) {
            ObjectNode detail = Json.object();
            detail.put("framesDecoded", framesDecoded);
            detail.set("jobProgress", jobProgress());
            announcer.announce(this, "STATUS_UPDATE", detail);
        }
        return true;
    }

    synchronized int percent() {
        return percent;
    }

    /** PROGRESSING to COMPLETE with what was written, in the shape of the COMPLETE event. */
    synchronized boolean complete(Instant now, ArrayNode eventOutputGroupDetails, Announcer announcer) {
        if (status != Status.PROGRESSING) {
            return false;
        }
        status = Status.COMPLETE;
        percent = 100;
        finishTime = now;
        outputGroupDetails = apiShape(eventOutputGroupDetails);
        process = null;
        ObjectNode detail = Json.object();
        detail.set("outputGroupDetails", eventOutputGroupDetails);
        announcer.announce(this, "COMPLETE", detail);
        return true;
    }

    synchronized boolean fail(Instant now, int code, String message, Announcer announcer) {
        if (finished()) {
            return false;
        }
        status = Status.ERROR;
        errorCode = code;
        errorMessage = message;
        finishTime = now;
        process = null;
        ObjectNode detail = Json.object();
        detail.put("errorCode", code);
        detail.put("errorMessage", message);
        announcer.announce(this, "ERROR", detail);
        return true;
    }

    /** Cancels a job not finished, ending its ffmpeg; false when it had already finished. */
    synchronized boolean cancel(Instant now, Announcer announcer) {
        if (finished()) {
            return false;
        }
        status = Status.CANCELED;
        finishTime = now;
        if (process != null) {
            process.destroyForcibly();
            process = null;
        }
        announcer.announce(this, "CANCELED", Json.object());
        return true;
    }

    /** The ffmpeg now running for the job; ended at once when the job is already over. */
    synchronized void running(Process started) {
        if (finished()) {
            started.destroyForcibly();
        } else {
            process = started;
        }
    }

    /** Ends the job's ffmpeg, if one runs, leaving its status as it is: the emulator is closing. */
    synchronized void abandon() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    synchronized ObjectNode toJson() {
        ObjectNode job = Json.object();
        job.put("arn", arn);
        job.put("id", id);
        job.set("createdAt", seconds(createdAt));
        job.put("role", spec.role());
        job.put("queue", queue);
        job.put("status", status.name());
        job.put("priority", spec.priority());
        job.put("accelerationStatus", "NOT_APPLICABLE");
        job.put("billingTagsSource", "JOB");
        job.put("statusUpdateInterval", "SECONDS_60");
        job.put("retryCount", 0);
        spec.clientRequestToken().ifPresent(token -> job.put("clientRequestToken", token));
        ObjectNode metadata = job.putObject("userMetadata");
        spec.userMetadata().forEach(metadata::put);
        job.set("settings", request.get("settings"));
        ObjectNode timing = job.putObject("timing");
        timing.set("submitTime", seconds(createdAt));
        Optional.ofNullable(startTime).ifPresent(time -> timing.set("startTime", seconds(time)));
        Optional.ofNullable(finishTime).ifPresent(time -> timing.set("finishTime", seconds(time)));
        ObjectNode messages = job.putObject("messages");
        messages.putArray("info");
        messages.putArray("warning");
        if (status == Status.PROGRESSING) {
            job.put("currentPhase", phase.name());
            job.put("jobPercentComplete", percent);
        }
        if (status == Status.ERROR) {
            job.put("errorCode", errorCode);
            job.put("errorMessage", errorMessage);
        }
        if (outputGroupDetails != null) {
            job.set("outputGroupDetails", outputGroupDetails);
        }
        return job;
    }

    private ObjectNode jobProgress() {
        ObjectNode progress = Json.object();
        ObjectNode phases = progress.putObject("phaseProgress");
        for (Phase each : Phase.values()) {
            ObjectNode entry = phases.putObject(each.name());
            entry.put("status", each.ordinal() < phase.ordinal() ? "COMPLETE"
                    : each == phase ? "PROGRESSING" : "PENDING");
            entry.put("percentComplete", each.ordinal() < phase.ordinal() ? 100 : phasePercent[each.ordinal()]);
        }
        progress.put("jobPercentComplete", percent);
        progress.put("currentPhase", phase.name());
        progress.put("retryCount", 0);
        return progress;
    }

    /** GetJob's outputGroupDetails carry durations and sizes, not the file paths and group types of the event. */
    private static ArrayNode apiShape(ArrayNode eventShape) {
        ArrayNode groups = Json.MAPPER.createArrayNode();
        for (JsonNode group : eventShape) {
            ArrayNode outputs = groups.addObject().putArray("outputDetails");
            for (JsonNode output : group.path("outputDetails")) {
                ObjectNode detail = outputs.addObject();
                detail.set("durationInMs", output.get("durationInMs"));
                if (output.has("videoDetails")) {
                    detail.set("videoDetails", output.get("videoDetails"));
                }
            }
        }
        return groups;
    }

    /** MediaConvert's timestamps: seconds since the epoch, with milliseconds. */
    private static JsonNode seconds(Instant time) {
        return Json.MAPPER.getNodeFactory().numberNode(BigDecimal.valueOf(time.toEpochMilli(), 3));
    }
}
