package dev.reelforge.media;

import static dev.reelforge.media.Plans.box;
import static dev.reelforge.media.Plans.plan;
import static dev.reelforge.media.Plans.still;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Quality;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.pipeline.Composer;
import dev.reelforge.core.pipeline.CompositionFailedException;
import dev.reelforge.core.pipeline.CompositionStoppedException;
import dev.reelforge.core.plan.RenderPlan;
import dev.reelforge.core.plan.SourceFile;
import dev.reelforge.core.plan.Timing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FfmpegComposerOutputTest {

    private static final Color BLUE = new Color(0, 0, 255, 255);

    @TempDir
    Path directory;

    private GeneratedMedia media;
    private FfmpegComposer composer;
    private int compositions;

    @BeforeEach
    void setUp() {
        media = new GeneratedMedia(directory);
        composer = new FfmpegComposer(TestFfmpeg.EXECUTABLE, new LiberationFonts(Path.of("target", "test-fonts")),
                Duration.ofSeconds(60));
    }

    private Composer.Composition compose(RenderPlan plan) {
        return composer.compose(plan, media.files(), directory.resolve("out-" + compositions++));
    }

    @Test
    void aVideoWithTextIsComposedIntoADirectoryAndFontsNamedRelativeToTheWorkingDirectory() throws IOException {
        // ./reelforge's default data directory is relative (.reelforge), and ffmpeg runs in its own work directory.
        SourceFile red = media.image("red.png", "red", 64, 48);
        Path relative = Files.createDirectories(Path.of("target", "relative-compose", directory.getFileName().toString()));
        FfmpegComposer composerWithRelativeFonts = new FfmpegComposer(TestFfmpeg.EXECUTABLE,
                new LiberationFonts(relative.resolve("fonts")), Duration.ofSeconds(60));

        Composer.Composition composition = composerWithRelativeFonts.compose(plan().duration(1)
                .layer(still(red, new Timing(0, 1), Plans.fullFrame(), Plans.PLAIN))
                .layer(Plans.title("Relative", dev.reelforge.core.edit.model.Position.CENTER, new Timing(0, 1)))
                .build(), media.files(), relative);

        assertThat(Playback.probe(composition.file()).duration().orElseThrow()).isCloseTo(1, within(0.04));
    }

    @Test
    void aGifThatPlaysOnceIsWrittenAsTheFinalGifWithoutALoopExtension() throws Exception {
        Composer.Composition composition = compose(plan().output(OutputFormat.GIF).duration(1).playedOnce().build());

        assertThat(composition.contentType()).isEqualTo("image/gif");
        byte[] bytes = java.nio.file.Files.readAllBytes(composition.file());
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("GIF89a")
                .doesNotContain("NETSCAPE2.0");
    }

    @ParameterizedTest
    @CsvSource({"25, 1, 1.3", "30000, 1001, 2.5", "24, 1, 1"})
    void aVideoIsAnH264QuickTimeOfThePlansSizeRateAndDuration(int numerator, int denominator, double seconds) {
        SourceFile red = media.image("red.png", "red", 64, 48);

        Composer.Composition composition = compose(plan().fps(new Fps(numerator, denominator)).duration(seconds)
                .layer(still(red, new Timing(0, seconds), Plans.fullFrame(), Plans.PLAIN)).build());

        assertThat(composition.contentType()).isEqualTo("video/quicktime");
        assertThat(composition.file().getFileName().toString()).endsWith(".mov");
        MediaInfo info = Playback.probe(composition.file());
        double frame = (double) denominator / numerator;
        assertThat(info.duration().orElseThrow()).isCloseTo(seconds, within(frame));
        MediaInfo.VideoStream video = info.video().orElseThrow();
        assertThat(video.codec()).isEqualTo("h264");
        assertThat(video.width()).isEqualTo(320);
        assertThat(video.height()).isEqualTo(180);
        assertThat(video.fps()).isCloseTo((double) numerator / denominator, within(0.01));
        assertThat(info.hasAudio()).isFalse();
        assertThat(Playback.frameAt(composition.file(), seconds - frame / 2).is(160, 90, 255, 0, 0, 12)).isTrue();
    }

    @Test
    void aGifIsComposedAsAVideoIntermediate() {
        Composer.Composition composition = compose(plan().output(OutputFormat.GIF).duration(1).build());

        assertThat(composition.contentType()).isEqualTo("video/quicktime");
        assertThat(Playback.probe(composition.file()).video().orElseThrow().codec()).isEqualTo("h264");
    }

    @ParameterizedTest
    @CsvSource({"PNG, image/png, png", "JPG, image/jpeg, mjpeg", "BMP, image/bmp, bmp"})
    void anImageIsTheFrameAtItsTimeAtTheOutputSize(OutputFormat format, String contentType, String codec) {
        SourceFile red = media.image("red.png", "red", 64, 48);
        SourceFile green = media.image("green.png", "0x00ff00", 64, 48);

        Composer.Composition composition = compose(plan().output(format).outputSize(new Size(160, 90))
                .background(BLUE).stillAt(1.2)
                .layer(still(green, new Timing(0, 1), box(160, 90, 0, 0), Plans.PLAIN))
                .layer(still(red, new Timing(1, 1), box(160, 90, 0, 0), Plans.PLAIN)).build());

        assertThat(composition.contentType()).isEqualTo(contentType);
        assertThat(composition.file().getFileName().toString()).endsWith("." + format.extension());
        MediaInfo.VideoStream picture = Playback.probe(composition.file()).video().orElseThrow();
        assertThat(picture.codec()).isEqualTo(codec);
        Playback.Frame image = Playback.frameAt(composition.file(), 0);
        assertThat(image.width()).isEqualTo(160);
        assertThat(image.height()).isEqualTo(90);
        assertThat(image.is(40, 22, 255, 0, 0, 16)).as(image.describe(40, 22)).isTrue();
        assertThat(image.is(120, 67, 0, 0, 255, 16)).as(image.describe(120, 67)).isTrue();
    }

    @Test
    void aJpegOfLowerQualityIsSmaller() throws IOException {
        SourceFile noise = media.video("testsrc.mp4", "testsrc2=s=320x180:r=25", 1, false);
        Plans plan = plan().output(OutputFormat.JPG).duration(1)
                .layer(Plans.video(noise, new Timing(0, 1), 0, 1, Plans.fullFrame(), Plans.PLAIN));

        long best = Files.size(compose(plan.quality(Quality.VERYHIGH).build()).file());
        long worst = Files.size(compose(plan.quality(Quality.VERYLOW).build()).file());

        assertThat(worst).isLessThan(best / 2);
    }

    @Test
    void failsWithCompositionFailedExceptionWhenASourceIsNotMedia() throws IOException {
        SourceFile fake = media.notMedia("fake.mp4", new MediaInfo(OptionalDouble.of(2),
                Optional.of(new MediaInfo.VideoStream(320, 180, 25, "h264")), Optional.empty(), 20));
        RenderPlan plan = plan().layer(Plans.video(fake, new Timing(0, 2), 0, 1, Plans.fullFrame(), Plans.PLAIN))
                .build();

        assertThatThrownBy(() -> compose(plan)).isInstanceOf(CompositionFailedException.class)
                .hasMessageContaining("Invalid data found when processing input");
    }

    @Test
    @Timeout(30)
    void killsFfmpegAtTheTimeLimit() {
        FfmpegComposer impatient = new FfmpegComposer(TestFfmpeg.EXECUTABLE,
                new LiberationFonts(Path.of("target", "test-fonts")), Duration.ofMillis(300));
        SourceFile colourful = media.video("testsrc.mp4", "testsrc2=s=320x180:r=25", 1, false);
        RenderPlan tenMinutes = plan().duration(600)
                .layer(Plans.video(colourful, new Timing(0, 600), 0, 0.001, Plans.fullFrame(), Plans.PLAIN)).build();

        assertThatThrownBy(() -> impatient.compose(tenMinutes, media.files(), directory.resolve("slow")))
                .isInstanceOf(CompositionFailedException.class).hasMessageContaining("killed");
        assertThat(directory.resolve("slow")).as("no half-written composition is left").isEmptyDirectory();
    }

    @Test
    void endsFfmpegWhenAskedToStopAndLeavesNothing() {
        SourceFile colourful = media.video("testsrc.mp4", "testsrc2=s=320x180:r=25", 1, false);
        // half an hour in full HD: far more than ffmpeg makes in the second before it is first asked
        RenderPlan halfAnHour = plan().outputSize(new Size(1920, 1080)).duration(1800)
                .layer(Plans.video(colourful, new Timing(0, 1800), 0, 0.001, Plans.fullFrame(), Plans.PLAIN)).build();
        AtomicInteger asked = new AtomicInteger();

        // the render was cancelled while ffmpeg worked: the first question is answered "stop"
        assertThatThrownBy(() -> composer.compose(halfAnHour, media.files(), directory.resolve("cancelled"), () -> {
            asked.incrementAndGet();
            return true;
        })).isInstanceOf(CompositionStoppedException.class);
        assertThat(asked).hasValue(1);
        assertThat(directory.resolve("cancelled")).as("no half-written composition is left").isEmptyDirectory();
    }

    @Test
    void refusesAPlanWhoseSourceHasNoLocalFile() {
        SourceFile red = media.image("red.png", "red", 64, 48);
        RenderPlan plan = plan().layer(still(red, new Timing(0, 1), Plans.fullFrame(), Plans.PLAIN)).build();

        assertThatThrownBy(() -> composer.compose(plan, java.util.Map.of(), directory.resolve("none")))
                .isInstanceOf(CompositionFailedException.class).hasMessageContaining("no local file for source 0");
    }
}
