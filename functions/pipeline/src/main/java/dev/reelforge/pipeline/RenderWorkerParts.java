package dev.reelforge.pipeline;

import dev.reelforge.aws.dynamodb.DynamoDbTables;
import dev.reelforge.aws.mediaconvert.MediaConvertEncoder;
import dev.reelforge.aws.s3.S3Buckets;
import dev.reelforge.aws.s3.S3Storage;
import dev.reelforge.core.pipeline.Encoder;
import dev.reelforge.core.render.FontsAndPages;
import dev.reelforge.core.render.ProduceRender;
import dev.reelforge.core.render.Renders;
import dev.reelforge.html.OpenHtmlRasterizer;
import dev.reelforge.media.FfmpegComposer;
import dev.reelforge.media.FfmpegMediaProbe;
import dev.reelforge.media.Java2dPictureDrawer;
import dev.reelforge.media.LiberationFonts;
import dev.reelforge.media.TrueTypeFontReader;
import dev.reelforge.media.WatermarkImage;
import dev.reelforge.runtime.FunctionEnvironment;
import dev.reelforge.sources.GuardedSourceFetcher;
import dev.reelforge.sources.SourceLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The real parts every function that composes renders wires from its environment (template.yaml gives the render
 * worker and the chunk composer the same): where renders are kept, how sources are fetched, probed and composed,
 * where compositions are stored and how they are encoded. The worker also signs the URLs of the images it finishes.
 */
record RenderWorkerParts(Renders renders, GuardedSourceFetcher fetcher, Java2dPictureDrawer drawer,
        FfmpegMediaProbe probe, FfmpegComposer composer, S3Storage storage, Encoder encoder, Clock clock,
        Path workDirectory, ProduceRender.Limits limits, FontsAndPages fontsAndPages) {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    /** The composition must leave time, within Lambda's 15 minutes, to upload and start the job. */
    private static final Duration COMPOSE_TIMEOUT = Duration.ofMinutes(12);

    static RenderWorkerParts of(FunctionEnvironment environment) {
        Path workDirectory = environment.optional("WORK_DIRECTORY").map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "reelforge"));
        Path ffmpeg = Path.of(environment.required("FFMPEG"));
        S3Buckets buckets = S3Buckets.of(environment);
        S3Storage storage = buckets.temporary();
        String watermarkKey = environment.required("WATERMARK_KEY");
        WatermarkImage watermark = Watermark.publish(storage, watermarkKey, workDirectory);
        LiberationFonts fonts = new LiberationFonts(workDirectory.resolve("fonts"));
        SourceLimits sourceLimits = new SourceLimits(environment.requiredWholeNumber("MAX_SOURCE_BYTES"),
                Duration.ofSeconds(10), Duration.ofSeconds(30), environment.requiredFlag("ALLOW_LOOPBACK_SOURCES"), 5,
                environment.commaSeparated("SOURCE_BUCKETS"));
        FfmpegMediaProbe probe = new FfmpegMediaProbe(ffmpeg, PROBE_TIMEOUT);
        // fonts come through the same guard, bounded lower than media: no font is anywhere near a video's size
        SourceLimits fontLimits = new SourceLimits(Math.min(sourceLimits.maxBytes(), FontsAndPages.MAX_FONT_BYTES),
                sourceLimits.connectTimeout(), sourceLimits.readTimeout(), sourceLimits.allowLoopback(),
                sourceLimits.maxRedirects(), sourceLimits.sourceBuckets());
        return new RenderWorkerParts(
                DynamoDbTables.of(environment).renders(),
                new GuardedSourceFetcher(sourceLimits, buckets.client()),
                new Java2dPictureDrawer(),
                probe,
                new FfmpegComposer(ffmpeg, fonts, COMPOSE_TIMEOUT, Optional.of(watermark)),
                storage,
                MediaConvertEncoder.of(environment, storage.location(watermarkKey), watermark.size()),
                environment.clock(),
                workDirectory,
                new ProduceRender.Limits(Duration.ofSeconds(environment.requiredWholeNumber("MAX_SOURCE_SECONDS")),
                        Duration.ofSeconds(environment.requiredWholeNumber("MAX_OUTPUT_SECONDS"))),
                new FontsAndPages(new GuardedSourceFetcher(fontLimits, buckets.client()), new TrueTypeFontReader(),
                        new OpenHtmlRasterizer(), probe));
    }
}
