package dev.reelforge.core.ingest;

import dev.reelforge.core.asset.Assets;
import dev.reelforge.core.ingest.RenditionEncoder.RenditionJob;
import dev.reelforge.core.ingest.RenditionEncoder.RenditionOutput;
import dev.reelforge.core.ingest.RenditionEncoder.SourceMedia;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.core.pipeline.SourceFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import dev.reelforge.core.validation.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Imports a queued source: {@code queued → importing}, its file fetched through the guard (or its upload read),
 * known by its first bytes ({@link SourceFormat}), probed, stored in the hosting bucket as a Serve asset of the
 * source, then {@code ready} with its media and the job making its renditions started ({@link RenditionEncoder}, one
 * job for all); or {@code failed} with a reason fit to show. A rendition the probed source cannot give
 * ({@link RenditionsReader#checkAgainst}: a video rendition of a sound file) fails at once, naming why. Events come at
 * least once: a source already past {@code importing} is skipped, and one still {@code importing} (an earlier attempt
 * stopped halfway) is imported again, each step being harmless to repeat (same file, same asset, same job). A source
 * deleted meanwhile keeps nothing: the file stored is deleted again.
 */
public final class ImportSource {

    private static final RenditionsReader RENDITIONS = new RenditionsReader();
    /** What a rendition whose job the encoder refused shows: the encoder's own words name its internal settings. */
    static final String JOB_REFUSED = "the encoder refused to make this rendition";

    private final Sources sources;
    private final SourceFetcher fetcher;
    private final SourceFiles files;
    private final MediaProbe probe;
    private final RenditionEncoder encoder;
    private final SourceAssets sourceAssets;
    private final Clock clock;
    private final Path workDirectory;
    private final long maxBytes;

    /**
     * @param region   where the files are hosted, as assets name it
     * @param maxBytes the largest upload imported (a fetch is bounded by the fetcher's own limits)
     */
    public ImportSource(Sources sources, SourceFetcher fetcher, SourceFiles files, MediaProbe probe,
            RenditionEncoder encoder, Assets assets, String region, Clock clock, Path workDirectory, long maxBytes) {
        this.sources = sources;
        this.fetcher = fetcher;
        this.files = files;
        this.probe = probe;
        this.encoder = encoder;
        this.sourceAssets = new SourceAssets(assets, region, clock);
        this.clock = clock;
        this.workDirectory = workDirectory;
        this.maxBytes = maxBytes;
    }

    public ImportSourceResult importSource(ImportSourceCommand command) {
        Optional<Source> found = sources.find(command.owner(), command.sourceId());
        if (found.isEmpty()) {
            return new ImportSourceResult.Skipped("no source " + command.sourceId());
        }
        Source source = found.get();
        if (source.uploaded() != command.uploaded()) {
            return new ImportSourceResult.Skipped(source.uploaded() ? "an upload is imported when its file arrives"
                    : "a source fetched from a URL takes no upload");
        }
        Instant now = clock.instant();
        Source current = source.asOf(now);
        if (current.status() == SourceStatus.FAILED && source.status() != SourceStatus.FAILED) {
            return fail(source, current.error().orElseThrow());
        }
        Source importing;
        switch (source.status()) {
            case QUEUED -> {
                importing = source.importing(now);
                if (!sources.replace(source, importing)) {
                    return new ImportSourceResult.Skipped("source " + source.id() + " changed meanwhile");
                }
            }
            case IMPORTING -> importing = source;
            default -> {
                return new ImportSourceResult.Skipped("source " + source.id() + " is " + source.status().wireName());
            }
        }
        Path workFile = workFile();
        try {
            return importFile(importing, workFile);
        } finally {
            try {
                Files.deleteIfExists(workFile);
            } catch (IOException ignored) {
                // scratch space of this function only
            }
        }
    }

    private ImportSourceResult importFile(Source importing, Path workFile) {
        Optional<String> refused = obtain(importing, workFile);
        if (refused.isPresent()) {
            return fail(importing, refused.get());
        }
        Optional<SourceFormat> format = SourceFormat.sniff(head(workFile));
        if (format.isEmpty()) {
            return fail(importing, "the file is not a video, image or audio file of a known format");
        }
        MediaInfo info;
        switch (probe.probe(workFile)) {
            case MediaProbe.ProbeResult.Unreadable unreadable -> {
                return fail(importing, unreadable.reason());
            }
            case MediaProbe.ProbeResult.Probed probed -> info = probed.info();
        }
        SourceMedia media = mediaOf(info);
        String filename = Source.filenameOf(importing.id(), format.get().extension());
        files.host(workFile, importing.owner(), filename, format.get().mediaType());
        String url = files.url(importing.owner(), filename);
        sourceAssets.hosted(importing, filename, url, Optional.of(info.bytes()));

        List<RenditionSpec> specs = importing.renditions().stream().map(Rendition::spec).toList();
        Map<String, String> unsuitable = new HashMap<>();
        for (Violation violation : RENDITIONS.checkAgainst(specs, media)) {
            unsuitable.putIfAbsent(renditionOf(violation), violation.message());
        }
        List<Rendition> renditions = new ArrayList<>();
        List<RenditionOutput> outputs = new ArrayList<>();
        for (int i = 0; i < importing.renditions().size(); i++) {
            Rendition rendition = importing.renditions().get(i);
            String refusal = unsuitable.get(RenditionsReader.PATH.index(i).toString());
            if (rendition.status().isTerminal()) {
                renditions.add(rendition);
            } else if (refusal != null) {
                renditions.add(rendition.failed(refusal));
            } else {
                renditions.add(rendition);
                outputs.add(new RenditionOutput(rendition.id().toString(), rendition.spec(),
                        files.location(importing.owner(), rendition.baseName(importing.id()))));
            }
        }
        Optional<String> jobId = Optional.empty();
        Optional<String> jobRefusal = Optional.empty();
        if (!outputs.isEmpty()) {
            try {
                jobId = Optional.of(encoder.start(new RenditionJob(importing.id().toString(), importing.owner(),
                        files.location(importing.owner(), filename), media, outputs)));
            } catch (RenditionJobRefusedException jobRefused) {
                jobRefusal = Optional.of(jobRefused.getMessage());
                renditions = renditions.stream().map(rendition -> rendition.status().isTerminal() ? rendition
                        : rendition.failed(JOB_REFUSED)).toList();
            }
        }
        Source ready = importing.ready(filename, url, media, renditions, jobId, clock.instant());
        if (sources.replace(importing, ready)) {
            return new ImportSourceResult.Imported(ready, jobRefusal);
        }
        Optional<Source> now = sources.find(importing.owner(), importing.id());
        if (now.isEmpty() || now.get().status() == SourceStatus.DELETED) {
            sourceAssets.discard(importing, filename);
            return new ImportSourceResult.Skipped("source " + importing.id() + " was deleted while imported");
        }
        return new ImportSourceResult.Skipped("source " + importing.id() + " was imported meanwhile");
    }

    /** The file in {@code workFile}; or why not, fit to show. */
    private Optional<String> obtain(Source source, Path workFile) {
        if (source.uploaded()) {
            return switch (files.fetchUpload(source.owner(), source.id(), workFile, maxBytes)) {
                case SourceFiles.UploadedFile.Fetched fetched -> Optional.empty();
                case SourceFiles.UploadedFile.Missing missing -> Optional.of("the uploaded file is gone");
                case SourceFiles.UploadedFile.TooLarge tooLarge ->
                        Optional.of("the uploaded file is larger than " + maxBytes + " bytes");
            };
        }
        return switch (fetcher.fetch(URI.create(source.input().orElseThrow()), workFile)) {
            case SourceFetcher.FetchResult.Fetched fetched -> Optional.empty();
            case SourceFetcher.FetchResult.Refused refused -> Optional.of(refused.reason());
        };
    }

    private ImportSourceResult fail(Source source, String reason) {
        Source failed = source.failed(reason, clock.instant());
        if (!sources.replace(source, failed)) {
            return new ImportSourceResult.Skipped("source " + source.id() + " changed meanwhile");
        }
        return new ImportSourceResult.Failed(failed, reason);
    }

    static SourceMedia mediaOf(MediaInfo info) {
        int width = info.video().map(MediaInfo.VideoStream::width).orElse(0);
        int height = info.video().map(MediaInfo.VideoStream::height).orElse(0);
        double duration = info.duration().orElse(0);
        double fps = info.video().filter(video -> duration > 0).map(MediaInfo.VideoStream::fps).orElse(0.0);
        return new SourceMedia(info.hasVideo(), info.hasAudio(), width, height, duration, fps);
    }

    /** {@code outputs.renditions[2]} of a violation about {@code outputs.renditions[2].format}. */
    private static String renditionOf(Violation violation) {
        String path = violation.path().toString();
        int end = path.indexOf(']');
        return end < 0 ? path : path.substring(0, end + 1);
    }

    private Path workFile() {
        try {
            Files.createDirectories(workDirectory);
            return Files.createTempFile(workDirectory, "source-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Objects.requireNonNull(in.readNBytes(SourceFormat.HEAD_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
