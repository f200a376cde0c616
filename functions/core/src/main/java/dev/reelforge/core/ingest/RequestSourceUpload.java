package dev.reelforge.core.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Hands out a signed URL to PUT a source's file to (the Ingest API's direct upload): the source is stored
 * {@code queued}, and the file's arrival imports it as a fetched one would be ({@link ImportSource}).
 */
public final class RequestSourceUpload {

    /** How long the signed URL lives, as Shotstack's does. */
    public static final Duration LIFETIME = Duration.ofHours(1);

    private final Sources sources;
    private final SourceFiles files;
    private final Clock clock;

    public RequestSourceUpload(Sources sources, SourceFiles files, Clock clock) {
        this.sources = sources;
        this.files = files;
        this.clock = clock;
    }

    public Requested request(RequestSourceUploadCommand command) {
        Source source = Source.queued(UUID.randomUUID(), command.owner(), command.environment(), Optional.empty(),
                NewRenditions.of(command.renditions()), command.callback(), clock.instant());
        sources.add(source);
        return new Requested(source, files.presignUpload(source.owner(), source.id(), LIFETIME));
    }

    public record Requested(Source source, SourceFiles.PresignedPut target) {}
}
