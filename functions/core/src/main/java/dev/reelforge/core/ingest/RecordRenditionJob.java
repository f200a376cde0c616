package dev.reelforge.core.ingest;

import dev.reelforge.core.asset.Assets;
import dev.reelforge.core.ingest.RenditionJobEvent.OutputFile;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Records how a source's rendition job ended: on completion each rendition whose file was made is {@code ready}, its
 * file a Serve asset of the source with its CDN URL, size and duration as the encoder reported them; one without a
 * file, or every one of a failed job, is {@code failed}. Only the source's own job counts, once: a repeated or late
 * event finds the renditions ended and changes nothing. A job that ends past the renditions' deadline
 * ({@link Source#RENDITIONS_AT_MOST}, by when they were shown failed) or for a deleted source keeps no file. A job's
 * end that comes before its source's import recorded it throws {@link SourceNotReadyException}, to be taken again.
 */
public final class RecordRenditionJob {

    /** What MediaConvert adds to a destination: the extension, after a frame number for a still. */
    private static final Pattern OUTPUT_SUFFIX = Pattern.compile("\\.(?:[0-9]+\\.)?[a-z0-9]{2,4}");

    private final Sources sources;
    private final SourceFiles files;
    private final SourceAssets sourceAssets;
    private final Clock clock;

    public RecordRenditionJob(Sources sources, SourceFiles files, Assets assets, String region, Clock clock) {
        this.sources = sources;
        this.files = files;
        this.sourceAssets = new SourceAssets(assets, region, clock);
        this.clock = clock;
    }

    public RecordRenditionJobResult record(RenditionJobEvent event) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Source> found = sources.find(event.owner(), event.sourceId());
            if (found.isEmpty()) {
                return new RecordRenditionJobResult.Ignored("no source " + event.sourceId());
            }
            Source source = found.get();
            if (source.status() == SourceStatus.IMPORTING || source.status() == SourceStatus.QUEUED) {
                // the import starts the job, then records it with the source's readiness: a quick job's end can
                // come in between, and is taken again once the source is ready (the function's retry)
                throw new SourceNotReadyException(source.id(), event.jobId());
            }
            if (!source.jobId().equals(Optional.of(event.jobId()))) {
                return new RecordRenditionJobResult.Ignored("job " + event.jobId() + " is not source "
                        + source.id() + "'s");
            }
            if (source.status() == SourceStatus.DELETED) {
                discardOutputs(source, event);
                return new RecordRenditionJobResult.Ignored("source " + source.id() + " is deleted");
            }
            if (source.status() != SourceStatus.READY
                    || source.renditions().stream().allMatch(rendition -> rendition.status().isTerminal())) {
                return new RecordRenditionJobResult.Ignored("the renditions of source " + source.id()
                        + " are recorded already");
            }
            Instant now = clock.instant();
            boolean late = source.deadline().map(now::isAfter).orElse(false);
            List<String> hosted = new ArrayList<>();
            List<Rendition> settled = new ArrayList<>();
            for (Rendition rendition : source.renditions()) {
                settled.add(rendition.status().isTerminal() ? rendition
                        : settle(source, rendition, event, late, hosted));
            }
            Source next = source.withRenditions(settled, now);
            if (sources.replace(source, next)) {
                if (late) {
                    hosted.forEach(filename -> sourceAssets.discard(source, filename));
                }
                return new RecordRenditionJobResult.Recorded(next);
            }
        }
        throw new IllegalStateException("source " + event.sourceId() + " kept changing while its job was recorded");
    }

    private Rendition settle(Source source, Rendition rendition, RenditionJobEvent event, boolean late,
            List<String> hosted) {
        if (!(event.outcome() instanceof RenditionJobEvent.Completed completed)) {
            return rendition.failed("the encoding failed");
        }
        Optional<OutputFile> output = outputOf(source, rendition, completed);
        if (output.isEmpty()) {
            return rendition.failed("the encoding made no file for it");
        }
        String filename = filenameOf(output.get());
        String url = files.url(source.owner(), filename);
        sourceAssets.hosted(source, filename, url, Optional.empty());
        hosted.add(filename);
        if (late) {
            return rendition.failed("its encoding did not end within " + Source.RENDITIONS_AT_MOST.toHours()
                    + " hours");
        }
        OptionalDouble fps = rendition.spec().fps().isPresent() ? rendition.spec().fps()
                : source.media().filter(media -> media.fps() > 0 && rendition.spec().format().kind()
                        == RenditionFormat.Kind.VIDEO).map(media -> OptionalDouble.of(media.fps()))
                        .orElse(OptionalDouble.empty());
        OptionalLong millis = output.get().durationMillis();
        return new Rendition(rendition.id(), rendition.spec(), rendition.transformation(), RenditionStatus.READY,
                Optional.of(filename), Optional.of(url), output.get().width(), output.get().height(),
                millis.isPresent() ? OptionalDouble.of(millis.getAsLong() / 1000.0) : OptionalDouble.empty(), fps,
                event.executionMillis(), Optional.empty());
    }

    private Optional<OutputFile> outputOf(Source source, Rendition rendition, RenditionJobEvent.Completed completed) {
        String destination = files.location(source.owner(), rendition.baseName(source.id()));
        return completed.outputs().stream()
                .filter(output -> output.location().startsWith(destination)
                        && OUTPUT_SUFFIX.matcher(output.location().substring(destination.length())).matches())
                .findFirst();
    }

    private static String filenameOf(OutputFile output) {
        return output.location().substring(output.location().lastIndexOf('/') + 1);
    }

    /** The files a job wrote for a source deleted meanwhile: recorded as assets only to be deleted, and so removed. */
    private void discardOutputs(Source source, RenditionJobEvent event) {
        if (!(event.outcome() instanceof RenditionJobEvent.Completed completed)) {
            return;
        }
        for (Rendition rendition : source.renditions()) {
            outputOf(source, rendition, completed).ifPresent(output -> {
                String filename = filenameOf(output);
                sourceAssets.hosted(source, filename, files.url(source.owner(), filename), Optional.empty());
                sourceAssets.discard(source, filename);
            });
        }
    }
}
