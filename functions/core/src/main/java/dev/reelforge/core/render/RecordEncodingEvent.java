package dev.reelforge.core.render;

import dev.reelforge.core.pipeline.Storage;
import dev.reelforge.core.pipeline.TemporaryUrls;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a render along as its encoding job reports: progress, {@code saving} while outputs are written,
 * {@code done} with the temporary URLs of what was written (the render's file, poster and thumbnail, told apart by
 * the outputs recorded for it, {@link RenderOutputs}; its renditions are hosted, not linked from the result), or {@code failed} with a readable error (the
 * encoder's own message names internal storage, so users get its error code; the logs get the message).
 * Events arrive at least once and in any order; the forward-only store turns repeats into no-ops.
 */
public final class RecordEncodingEvent {

    private final Renders renders;
    private final Storage storage;
    private final TemporaryUrls temporaryUrls;
    private final Clock clock;

    public RecordEncodingEvent(Renders renders, Storage storage, TemporaryUrls temporaryUrls, Clock clock) {
        this.renders = renders;
        this.storage = storage;
        this.temporaryUrls = temporaryUrls;
        this.clock = clock;
    }

    public RecordEncodingEventResult record(EncodingEvent event) {
        RenderKey key = event.render();
        Optional<String> job = renders.jobOf(key);
        if (job.isPresent() && !job.get().equals(event.jobId())) {
            return new RecordEncodingEventResult.Ignored("job " + event.jobId() + " is not the render's job " + job.get());
        }
        return switch (event.kind()) {
            case EncodingEvent.Progressing progressing -> progress(key, progressing);
            case EncodingEvent.Completed completed -> complete(key, completed);
            case EncodingEvent.Errored errored -> fail(key, "encoding failed (MediaConvert error " + errored.code()
                    + "); quote render " + key.id() + " to support");
            case EncodingEvent.Canceled canceled -> fail(key, "encoding was canceled");
        };
    }

    private RecordEncodingEventResult progress(RenderKey key, EncodingEvent.Progressing progressing) {
        if (progressing.writingOutputs()) {
            renders.advance(key, RenderStatus.SAVING, clock.instant());
        }
        renders.recordProgress(key, progressing.percent(), clock.instant());
        return new RecordEncodingEventResult.Recorded(progressing.writingOutputs() ? RenderStatus.SAVING
                : RenderStatus.RENDERING);
    }

    private RecordEncodingEventResult complete(RenderKey key, EncodingEvent.Completed completed) {
        Optional<Render> render = renders.find(key.owner(), key.id());
        if (render.isEmpty() || render.get().status().isTerminal()) {
            return new RecordEncodingEventResult.Ignored("render " + key.id() + " has already finished");
        }
        // The job's outputs are told apart by the keys recorded before it started, not by their names: a
        // rendition's file is an MP4 too, and its capture ends in "-thumb." as the thumbnail does.
        Optional<RenderOutputs> recorded = renders.outputsOf(key);
        if (recorded.isEmpty()) {
            return fail(key, "encoding finished, but the render's outputs were never recorded");
        }
        Map<String, String> written = new HashMap<>();
        completed.outputs().forEach(location -> written.putIfAbsent(storage.keyOf(location), location));
        Optional<String> main = Optional.ofNullable(written.get(recorded.get().file()));
        if (main.isEmpty()) {
            return fail(key, "encoding finished without writing the render's file");
        }
        RenderResult result = new RenderResult(
                urlOf(main.get()),
                recorded.get().poster().map(written::get).map(this::urlOf),
                recorded.get().thumbnail().map(written::get).map(this::urlOf),
                completed.durationMillis() / 1000.0,
                Duration.between(render.get().created(), clock.instant()).toMillis());
        return renders.complete(key, result, clock.instant())
                ? new RecordEncodingEventResult.Recorded(RenderStatus.DONE)
                : new RecordEncodingEventResult.Ignored("render " + key.id() + " has already finished");
    }

    private String urlOf(String location) {
        return temporaryUrls.urlOf(storage.keyOf(location));
    }

    private RecordEncodingEventResult fail(RenderKey key, String error) {
        return renders.fail(key, error, clock.instant())
                ? new RecordEncodingEventResult.Recorded(RenderStatus.FAILED)
                : new RecordEncodingEventResult.Ignored("render " + key.id() + " has already finished");
    }
}
