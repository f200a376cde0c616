package dev.reelforge.core.render;

import dev.reelforge.core.pipeline.Encoder;
import dev.reelforge.core.pipeline.Storage;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Starts the encoding job of a render whose composition is stored, the way every path to one does. */
final class EncodingStart {

    private final Renders renders;
    private final Encoder encoder;
    private final Storage storage;
    private final Clock clock;

    EncodingStart(Renders renders, Encoder encoder, Storage storage, Clock clock) {
        this.renders = renders;
        this.encoder = encoder;
        this.storage = storage;
        this.clock = clock;
    }

    /**
     * Records what the job writes, then starts and records the job: the job id, or empty when the render finished
     * (was cancelled) meanwhile, and a job started just before is cancelled again.
     */
    Optional<String> start(RenderKey key, Encoder.EncodeRequest request) {
        if (!recordOutputs(key, request)) {
            return Optional.empty();
        }
        String jobId = encoder.start(request);
        if (!renders.recordJob(key, jobId, clock.instant())) {
            encoder.cancel(jobId);
            return Optional.empty();
        }
        return Optional.of(jobId);
    }

    /**
     * Records what the job writes, before it starts, so that each output's creation finds it whatever the order of
     * events. False when the render finished meanwhile.
     */
    boolean recordOutputs(RenderKey key, Encoder.EncodeRequest request) {
        Encoder.WrittenFiles written = encoder.outputsOf(request);
        List<RenderOutputs.RenditionOutputs> renditions = written.renditions().stream()
                .map(rendition -> new RenderOutputs.RenditionOutputs(rendition.name(), storage.keyOf(rendition.file()),
                        storage.keyOf(rendition.capture())))
                .toList();
        return renders.recordOutputs(key, new RenderOutputs(storage.keyOf(written.file()),
                written.poster().map(storage::keyOf), written.thumbnail().map(storage::keyOf),
                request.output().hosted(), renditions), clock.instant());
    }
}
