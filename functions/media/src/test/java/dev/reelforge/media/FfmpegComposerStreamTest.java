package dev.reelforge.media;

import static dev.reelforge.media.Plans.part;
import static dev.reelforge.media.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.pipeline.CompositionFailedException;
import dev.reelforge.core.pipeline.StopCheck;
import dev.reelforge.core.plan.RenderPlan;
import dev.reelforge.core.plan.SourceFile;
import dev.reelforge.core.plan.Timing;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A video composed into a named pipe, as the embedded stack's MediaConvert emulator reads it while it is written. */
class FfmpegComposerStreamTest {

    private static final String LOCATION = "s3://temp-bucket/work/owner/render/composition.nut";

    @TempDir
    Path directory;

    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private GeneratedMedia media;
    private FfmpegComposer composer;
    private NamedPipeIntermediates pipes;

    @BeforeEach
    void setUp() {
        media = new GeneratedMedia(directory);
        composer = new FfmpegComposer(TestFfmpeg.EXECUTABLE, new LiberationFonts(Path.of("target", "test-fonts")),
                Duration.ofSeconds(60));
        pipes = new NamedPipeIntermediates(directory.resolve("pipes"));
    }

    @AfterEach
    void stopReading() {
        reader.shutdownNow();
    }

    @Test
    void aVideoStreamsIntoThePipeAsTheRawPicturesAndSoundItsStatementDescribes() throws Exception {
        SourceFile tone = media.sound("tone.wav", "sine=f=440:sample_rate=48000", 2);
        RenderPlan plan = plan().duration(2).sound(part(tone, new Timing(0, 2), 0, 1, 1)).build();
        MediaInfo stated = composer.streamed(plan);
        Path pipe = pipes.open(LOCATION, stated).orElseThrow();
        Path read = directory.resolve("read.nut");
        Future<Long> reading = reader.submit(() -> {
            try (InputStream in = Files.newInputStream(pipe)) {
                return Files.copy(in, read);
            }
        });

        composer.stream(plan, media.files(), directory.resolve("work"), pipe, StopCheck.NEVER);

        assertThat(reading.get(30, TimeUnit.SECONDS)).isPositive();
        MediaInfo streamed = Playback.probe(read);
        assertThat(streamed.duration().orElseThrow()).isCloseTo(2, within(0.04));
        assertThat(streamed.video()).hasValueSatisfying(video -> {
            assertThat(video.codec()).isEqualTo("rawvideo");
            assertThat(video.width()).isEqualTo(Plans.FRAME.width());
            assertThat(video.height()).isEqualTo(Plans.FRAME.height());
            assertThat(video.fps()).isEqualTo(stated.video().orElseThrow().fps());
        });
        assertThat(streamed.audio()).isEqualTo(stated.audio());
        assertThat(stated.duration().orElseThrow()).isEqualTo(2);
        assertThat(Files.exists(pipe)).as("the pipe belongs to its reader, who removes it").isTrue();
    }

    @Test
    void aCompositionWhoseReaderGoesAwayFails() throws Exception {
        RenderPlan plan = plan().duration(60).build();
        Path pipe = pipes.open(LOCATION, composer.streamed(plan)).orElseThrow();
        Future<Integer> reading = reader.submit(() -> {
            try (InputStream in = Files.newInputStream(pipe)) {
                return in.readNBytes(4096).length;
            }
        });

        assertThatThrownBy(() -> composer.stream(plan, media.files(), directory.resolve("work"), pipe,
                StopCheck.NEVER)).isInstanceOf(CompositionFailedException.class);
        assertThat(reading.get(30, TimeUnit.SECONDS)).isEqualTo(4096);
    }

    @Test
    void onlyAVideoTheEncoderEncodesStreams() {
        assertThatThrownBy(() -> composer.streamed(plan().output(OutputFormat.MP3).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MP3");
        assertThatThrownBy(() -> composer.streamed(plan().output(OutputFormat.GIF).playedOnce().build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("written by the composer");
    }
}
