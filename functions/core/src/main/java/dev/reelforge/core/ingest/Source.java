package dev.reelforge.core.ingest;

import dev.reelforge.core.Environment;
import dev.reelforge.core.ingest.RenditionEncoder.SourceMedia;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A file ingested through the Ingest API: fetched from {@code input} (a URL) or uploaded to a signed URL, stored in
 * the hosting bucket as {@code filename} (served by the CDN at {@code url}), probed ({@code media}), and the
 * renditions it asked for made by one encoding job ({@code jobId}). A deleted source keeps its record.
 *
 * @param input    the URL it was fetched from; empty for an upload
 * @param callback the URL told when the source and each rendition end
 */
public record Source(UUID id, String owner, Environment environment, Optional<String> input, SourceStatus status,
        List<Rendition> renditions, Optional<String> callback, Optional<String> filename, Optional<String> url,
        Optional<SourceMedia> media, Optional<String> error, Optional<String> jobId, Instant created,
        Instant updated) {

    /**
     * How long a source may stay {@code queued}: an upload's signed URL lives {@link RequestSourceUpload#LIFETIME}, and
     * a PUT begun just before that ends may take a while; a fetch starts within seconds of the request.
     */
    public static final Duration QUEUED_AT_MOST = RequestSourceUpload.LIFETIME.plus(Duration.ofMinutes(15));
    /** How long fetching, probing and storing may take, retries included (a function runs 15 minutes at most). */
    public static final Duration IMPORTING_AT_MOST = Duration.ofMinutes(45);
    /** How long a rendition may stay {@code queued} once its source is ready: its job's events are lost by then. */
    public static final Duration RENDITIONS_AT_MOST = Duration.ofHours(6);

    public Source {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(status, "status");
        renditions = List.copyOf(renditions);
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
    }

    /** A source just asked for, waiting for its file. */
    public static Source queued(UUID id, String owner, Environment environment, Optional<String> input,
            List<Rendition> renditions, Optional<String> callback, Instant now) {
        return new Source(id, owner, environment, input, SourceStatus.QUEUED, renditions, callback, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now, now);
    }

    /** Whether it came as an upload rather than from a URL. */
    public boolean uploaded() {
        return input.isEmpty();
    }

    /** The stored file's name in the owner's part of the hosting bucket: {@code {id}-source.{extension}}. */
    public static String filenameOf(UUID id, String extension) {
        return id + "-source." + extension;
    }

    /** The time after which this source, still not ended, is taken as failed. */
    public Optional<Instant> deadline() {
        return switch (status) {
            case QUEUED -> Optional.of(created.plus(QUEUED_AT_MOST));
            case IMPORTING -> Optional.of(updated.plus(IMPORTING_AT_MOST));
            case READY -> renditions.stream().anyMatch(rendition -> !rendition.status().isTerminal())
                    ? Optional.of(updated.plus(RENDITIONS_AT_MOST)) : Optional.empty();
            case FAILED, DELETED -> Optional.empty();
        };
    }

    /**
     * This source as it stands at {@code now}: past its {@link #deadline()} what has not ended is failed, its file or
     * its job's end never having come, so nothing stays queued for ever.
     */
    public Source asOf(Instant now) {
        Optional<Instant> deadline = deadline();
        if (deadline.isEmpty() || !now.isAfter(deadline.get())) {
            return this;
        }
        if (status == SourceStatus.READY) {
            return withRenditions(renditions.stream()
                    .map(rendition -> rendition.status().isTerminal() ? rendition
                            : rendition.failed("its encoding did not end within " + RENDITIONS_AT_MOST.toHours()
                                    + " hours"))
                    .toList());
        }
        String reason = status == SourceStatus.QUEUED
                ? (uploaded() ? "the file was not uploaded" : "the file was not fetched") + " within "
                        + QUEUED_AT_MOST.toMinutes() + " minutes of the request"
                : "the import did not end within " + IMPORTING_AT_MOST.toMinutes() + " minutes";
        return failedAt(reason, updated);
    }

    /** The time a change made at {@code now} records: later than the last one, so each change is told apart. */
    public Instant nextUpdate(Instant now) {
        return now.isAfter(updated) ? now : updated.plusMillis(1);
    }

    public Source importing(Instant now) {
        return new Source(id, owner, environment, input, SourceStatus.IMPORTING, renditions, callback, filename, url,
                media, error, jobId, created, nextUpdate(now));
    }

    /** Stored and probed; {@code job} is the encoding job making its renditions, if it asked for any. */
    public Source ready(String storedFilename, String storedUrl, SourceMedia probed, List<Rendition> checked,
            Optional<String> job, Instant now) {
        return new Source(id, owner, environment, input, SourceStatus.READY, checked, callback,
                Optional.of(storedFilename), Optional.of(storedUrl), Optional.of(probed), Optional.empty(), job, created,
                nextUpdate(now));
    }

    /** Deleted, with each rendition: its files go (the hosting flow removes them), the record stays. */
    public Source deleted(Instant now) {
        return new Source(id, owner, environment, input, SourceStatus.DELETED,
                renditions.stream().map(Rendition::deleted).toList(), callback, filename, Optional.empty(), media,
                error, jobId, created, nextUpdate(now));
    }

    /** Failed, and so each rendition not ended yet. */
    public Source failed(String reason, Instant now) {
        return failedAt(reason, nextUpdate(now));
    }

    private Source failedAt(String reason, Instant at) {
        return new Source(id, owner, environment, input, SourceStatus.FAILED,
                renditions.stream().map(rendition -> rendition.status().isTerminal() ? rendition
                        : rendition.failed("its source failed")).toList(),
                callback, filename, url, media, Optional.of(reason), jobId, created, at);
    }

    /** The same source with its renditions as given, changed at {@code now}. */
    public Source withRenditions(List<Rendition> changed, Instant now) {
        return new Source(id, owner, environment, input, status, changed, callback, filename, url, media, error, jobId,
                created, nextUpdate(now));
    }

    private Source withRenditions(List<Rendition> changed) {
        return new Source(id, owner, environment, input, status, changed, callback, filename, url, media, error, jobId,
                created, updated);
    }

    public Optional<Rendition> rendition(UUID renditionId) {
        return renditions.stream().filter(rendition -> rendition.id().equals(renditionId)).findFirst();
    }
}
