package dev.reelforge.media;

import static dev.reelforge.media.Plans.fullFrame;
import static dev.reelforge.media.Plans.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.caption.Cue;
import dev.reelforge.core.edit.model.Animation;
import dev.reelforge.core.edit.model.Asset;
import dev.reelforge.core.edit.model.CaptionStyle;
import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Easing;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.Interpolation;
import dev.reelforge.core.edit.model.Keyframes;
import dev.reelforge.core.edit.model.Offset;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.edit.model.RichTextLook;
import dev.reelforge.core.edit.model.Speed;
import dev.reelforge.core.edit.model.Transition;
import dev.reelforge.core.edit.model.TransitionKind;
import dev.reelforge.core.edit.model.Tween;
import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.plan.AudioPart;
import dev.reelforge.core.plan.Box;
import dev.reelforge.core.plan.ChunkBoundaries;
import dev.reelforge.core.plan.Look;
import dev.reelforge.core.plan.RenderPlan;
import dev.reelforge.core.plan.SourceFile;
import dev.reelforge.core.plan.Timing;
import dev.reelforge.core.plan.VisualLayer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan composed in chunks ({@link ChunkBoundaries}, {@link RenderPlan#window}) and joined as MediaConvert joins
 * its inputs (one after the other, nothing re-timed) is the plan composed whole: the same frames at the same times,
 * the same pictures, the same sound, most of all across the cut.
 */
class FfmpegComposerChunkTest {

    private static final int SAMPLE_RATE = 48_000;
    private static final Pattern SSIM_ALL = Pattern.compile("All:([0-9.]+)");

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

    @Test
    void aPlanComposedInChunksAndJoinedIsThePlanComposedWhole() throws IOException {
        // testsrc2 moves everywhere from frame to frame (a frame early or late has an SSIM of about 0.9).
        SourceFile first = media.video("first.mp4", "testsrc2=s=320x180:r=25", 6, false);
        SourceFile second = media.video("second.mp4", "testsrc2=s=320x180:r=25", 7, false);
        // A soundtrack in AAC, whose decoding starts with the encoder's priming and is read from mid-file by the
        // second chunk; a tone sliding in pitch so that a shift of even a few samples shows.
        SourceFile music = media.sound("music.m4a",
                "aevalsrc=0.5*sin(2*PI*(300*t+40*t*t)):s=48000", 11);
        Transition fade = new Transition(TransitionKind.FADE, Speed.FAST);
        RenderPlan plan = plan().duration(9)
                .layer(Plans.video(first, new Timing(0, 3.6), 0.5, 1, fullFrame(), Plans.PLAIN))
                .layer(Plans.video(second, new Timing(3.6, 5.4), 1, 1, fullFrame(),
                        Plans.transitions(Optional.of(fade), Optional.of(fade))))
                .layer(Plans.title("Reelforge", Position.CENTER, new Timing(2, 5)))
                .sound(new AudioPart(new Timing(0, 9), music, 0.5, 1, 0.8, 1, 1))
                .build();

        List<ChunkBoundaries.Chunk> chunks = ChunkBoundaries.of(plan, 4.5);
        assertThat(chunks).hasSize(2);
        assertThat(chunks.getFirst().to()).as("the cut falls inside the second clip, the title and the soundtrack")
                .isBetween(4.2, 7.0);

        assertJoinedChunksAreTheWhole(plan, chunks);
    }

    @Test
    void aPlanCutWhereAVideoPlaysFasterAndTweensRichTextCaptionsAndResampledSoundRunIsTheWholeJoined()
            throws IOException {
        // A 30 fps video at 1.5x on a 25 fps output: the cut lands between frames of the source.
        SourceFile fast = media.video("fast.mp4", "testsrc2=s=320x180:r=30", 14, false);
        // MP3 at 44.1 kHz: decoded from mid-file and resampled from there in the second chunk.
        SourceFile music = media.sound("music.mp3",
                "aevalsrc=0.5*sin(2*PI*(250*t+30*t*t)):s=44100", 14);
        Keyframes sliding = new Keyframes(List.of(new Tween(-100, 100, 0, 6, Interpolation.LINEAR, Easing.EASE)));
        Keyframes fading = new Keyframes(List.of(new Tween(1, 0.3, 1, 5, Interpolation.LINEAR, Easing.EASE)));
        Look tweened = new Look(1, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                new Animation(Optional.of(fading), Optional.of(sliding), Optional.empty(), Optional.empty()), 1);
        VisualLayer.Text title = Plans.title("Sliding", Position.TOP, new Timing(1, 6));
        Cue cue = new Cue(2.5, 5.5, "across the cut", List.of(new Cue.Word("across", 2.5, 3.5),
                new Cue.Word("the", 3.5, 4.5), new Cue.Word("cut", 4.5, 5.5)));
        VisualLayer.Caption captions = new VisualLayer.Caption(new Timing(0, 8), Plans.PLAIN, List.of(cue),
                new CaptionStyle(FontFace.SANS_BOLD, 18, 1.2, Color.WHITE, Optional.empty(), 0, Optional.empty(),
                        Optional.of(new Color(0, 0, 0, 160)), 4, 0, CaptionStyle.Margin.NONE,
                        Asset.HorizontalAlign.CENTER, Asset.VerticalAlign.BOTTOM, CaptionStyle.TextTransform.NONE,
                        Optional.empty(), CaptionStyle.WordAnimation.NONE), Offset.NONE);
        VisualLayer.RichText typing = new VisualLayer.RichText(new Timing(2.5, 4), Plans.PLAIN,
                new RichTextLook("Typing on", FontFace.SANS_BOLD, 20, Color.WHITE, 0, 0, 1.2,
                        RichTextLook.Decoration.NONE, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), RichTextLook.Padding.NONE,
                        Asset.HorizontalAlign.LEFT, Asset.VerticalAlign.CENTER,
                        Optional.of(new RichTextLook.TextAnimation(RichTextLook.Preset.TYPEWRITER, 3, false,
                                RichTextLook.Direction.LEFT))),
                160, 40, 0, new Box(160, 40, new Box.Crop(0, 0, 160, 40), 10, 60));
        RenderPlan plan = plan().duration(8)
                .layer(Plans.video(fast, new Timing(0, 8), 0.3, 1.5, fullFrame(), Plans.PLAIN))
                .layer(new VisualLayer.Text(title.timing(), tweened, title.text(), title.face(), title.sizePx(),
                        title.lineHeight(), title.color(), title.background(), title.boxWidth(), title.boxHeight(),
                        title.horizontal(), title.vertical(), title.position(), title.offset(), title.wrap()))
                .layer(typing)
                .layer(captions)
                .sound(new AudioPart(new Timing(0, 8), music, 0.7, 1, 0.8, 0, 0, Optional.of(
                        new Keyframes(List.of(new Tween(0.4, 1, 2, 4, Interpolation.LINEAR, Easing.EASE))))))
                .build();

        List<ChunkBoundaries.Chunk> chunks = ChunkBoundaries.of(plan, 4);
        assertThat(chunks).hasSize(2);

        assertJoinedChunksAreTheWhole(plan, chunks);
    }

    @Test
    void aPlanAt2997CutAtAFrameBetweenSoundSamplesIsTheWholeJoined() throws IOException {
        Fps ntsc = new Fps(30000, 1001);
        SourceFile clip = media.video("clip.mp4", "testsrc2=s=320x180:r=30000/1001", 10, false);
        SourceFile music = media.sound("music.mp3", "aevalsrc=0.5*sin(2*PI*(250*t+30*t*t)):s=44100", 10);
        // 241 frames: the cut at frame 121 falls 0.8 of a 48 kHz sample after a sample's time.
        double duration = 241 * 1001 / 30000.0;
        RenderPlan plan = plan().fps(ntsc).duration(duration)
                .layer(Plans.video(clip, new Timing(0, duration), 0.37, 1, fullFrame(), Plans.PLAIN))
                .sound(new AudioPart(new Timing(0, duration), music, 0.37, 1, 1, 0, 0))
                .build();

        List<ChunkBoundaries.Chunk> chunks = ChunkBoundaries.of(plan, duration / 2);
        assertThat(chunks).hasSize(2);
        assertThat(chunks.getFirst().to() * ntsc.value()).isCloseTo(121, within(1e-6));

        assertJoinedChunksAreTheWhole(plan, chunks);
    }

    /**
     * Composes the plan whole and each chunk's window apart, joins the chunks, and checks that the joined file is the
     * whole: the same streams, frames at the same times, the same pictures (most of all on either side of each cut)
     * and the same sound around each cut.
     */
    private void assertJoinedChunksAreTheWhole(RenderPlan plan, List<ChunkBoundaries.Chunk> chunks)
            throws IOException {
        Path whole = compose(plan);
        List<Path> parts = new ArrayList<>();
        for (ChunkBoundaries.Chunk chunk : chunks) {
            parts.add(compose(plan.window(chunk.from(), chunk.to())));
        }
        Path joined = joined(parts);

        MediaInfo wholeInfo = Playback.probe(whole);
        MediaInfo joinedInfo = Playback.probe(joined);
        assertThat(joinedInfo.video()).isEqualTo(wholeInfo.video());
        assertThat(joinedInfo.audio()).isEqualTo(wholeInfo.audio());
        assertThat(joinedInfo.duration().orElseThrow()).isCloseTo(wholeInfo.duration().orElseThrow(),
                within(1 / plan.fps().value()));
        List<Double> wholeTimes = frameTimes(whole);
        List<Double> joinedTimes = frameTimes(joined);
        assertThat(joinedTimes).hasSize((int) Math.round(plan.duration() * plan.fps().value())).hasSameSizeAs(wholeTimes);
        for (int i = 0; i < wholeTimes.size(); i++) {
            assertThat(joinedTimes.get(i)).as("frame %d's time", i).isCloseTo(wholeTimes.get(i), within(1e-3));
        }

        List<Double> similarity = ssimByFrame(joined, whole);
        assertThat(similarity.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .as("overall SSIM").isGreaterThanOrEqualTo(0.99);
        assertThat(similarity.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                .as("the least alike frame's SSIM, of %s", similarity).isGreaterThanOrEqualTo(0.98);
        short[] wholeSound = samples(whole);
        short[] joinedSound = samples(joined);
        assertThat(joinedSound.length).isEqualTo(wholeSound.length);
        for (ChunkBoundaries.Chunk chunk : chunks.subList(1, chunks.size())) {
            assertSameAroundCut(chunk.from() * plan.fps().value(), chunk.from(), similarity, joinedSound, wholeSound);
        }
    }

    private static void assertSameAroundCut(double frameAtCut, double cut, List<Double> similarity,
            short[] joinedSound, short[] wholeSound) {
        int cutFrame = (int) Math.round(frameAtCut);
        for (int frame = cutFrame - 2; frame <= cutFrame + 2; frame++) {
            assertThat(similarity.get(frame)).as("SSIM of frame %d (the cut is at frame %d)", frame, cutFrame)
                    .isGreaterThanOrEqualTo(0.98);
        }
        int cutSample = (int) Math.round(cut * SAMPLE_RATE) * 2;
        // A cut between two sample times (a frame of 30000/1001 fps is 1601.6 samples) starts the next chunk's sound
        // on the sample grid, up to a sample (21 µs) from where the whole has it: as much difference, and no more, as
        // a one-sample shift makes is allowed there. At a sample time the chunks' sound is the whole's.
        boolean betweenSamples = Math.abs(cut * SAMPLE_RATE - Math.rint(cut * SAMPLE_RATE)) > 1e-6;
        for (int window = -5; window < 5; window++) {
            int from = cutSample + window * SAMPLE_RATE / 50 * 2;
            int to = from + SAMPLE_RATE / 50 * 2;
            double level = rms(wholeSound, from, to);
            double shifted = betweenSamples ? differenceRms(wholeSound, wholeSound, from, to, 2) : 0;
            assertThat(rms(joinedSound, from, to)).as("level of the 20 ms from %+d ms of the cut", window * 20)
                    .isCloseTo(level, within(level * 0.01 + 2));
            assertThat(differenceRms(joinedSound, wholeSound, from, to, 0))
                    .as("difference in the 20 ms from %+d ms of the cut", window * 20)
                    .isLessThanOrEqualTo(level * 0.01 + 2 + shifted);
        }
    }

    /** Composes into a directory of its own, as each render (and each chunk's worker) has. */
    private Path compose(RenderPlan plan) {
        return composer.compose(plan, media.files(), directory.resolve("out-" + compositions++)).file();
    }

    /** The compositions one after the other, streams copied, as the encoder's inputs are joined. */
    private Path joined(List<Path> parts) throws IOException {
        Path list = directory.resolve("chunks.txt");
        StringBuilder lines = new StringBuilder();
        for (Path part : parts) {
            lines.append("file '").append(part.toAbsolutePath()).append("'\n");
        }
        Files.writeString(list, lines);
        Path joined = directory.resolve("joined.mov");
        TestFfmpeg.run("-loglevel", "error", "-f", "concat", "-safe", "0", "-i", list.toString(), "-c", "copy",
                joined.toString());
        return joined;
    }

    /** The presentation time of every decoded video frame, in seconds. */
    private List<Double> frameTimes(Path file) throws IOException {
        Path crc = Files.createTempFile(directory, "frames", ".txt");
        TestFfmpeg.run("-loglevel", "error", "-i", file.toString(), "-map", "0:v:0", "-f", "framecrc", crc.toString());
        List<Double> times = new ArrayList<>();
        double timeBase = 0;
        for (String line : Files.readAllLines(crc)) {
            if (line.startsWith("#tb 0:")) {
                String[] fraction = line.substring("#tb 0:".length()).strip().split("/");
                timeBase = Double.parseDouble(fraction[0]) / Double.parseDouble(fraction[1]);
            } else if (!line.startsWith("#")) {
                times.add(Long.parseLong(line.split(",")[2].strip()) * timeBase);
            }
        }
        return times;
    }

    /** The SSIM (all planes) of each frame of {@code file} against the same frame of {@code reference}. */
    private List<Double> ssimByFrame(Path file, Path reference) throws IOException {
        Path stats = directory.resolve("ssim.log");
        TestFfmpeg.run("-loglevel", "error", "-i", file.toString(), "-i", reference.toString(), "-lavfi",
                "[0:v][1:v]ssim=stats_file=" + stats.toAbsolutePath(), "-f", "null", "-");
        List<Double> values = new ArrayList<>();
        for (String line : Files.readAllLines(stats)) {
            Matcher matcher = SSIM_ALL.matcher(line);
            if (matcher.find()) {
                values.add(Double.parseDouble(matcher.group(1)));
            }
        }
        return values;
    }

    /** The sound as 48 kHz stereo 16-bit samples, left and right interleaved. */
    private short[] samples(Path file) throws IOException {
        Path raw = Files.createTempFile(directory, "sound", ".pcm");
        TestFfmpeg.run("-loglevel", "error", "-i", file.toString(), "-map", "0:a:0", "-f", "s16le", "-ac", "2",
                "-ar", Integer.toString(SAMPLE_RATE), raw.toString());
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
        short[] samples = new short[bytes.remaining() / 2];
        bytes.asShortBuffer().get(samples);
        return samples;
    }

    private static double rms(short[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    /** The RMS of the difference from {@code reference} {@code lag} values (interleaved samples) earlier. */
    private static double differenceRms(short[] samples, short[] reference, int from, int to, int lag) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double difference = samples[i] - reference[i - lag];
            sum += difference * difference;
        }
        return Math.sqrt(sum / (to - from));
    }
}
