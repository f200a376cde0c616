package dev.reelforge.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.edit.model.Color;
import dev.reelforge.core.edit.model.Fps;
import dev.reelforge.core.edit.model.MotionEffect;
import dev.reelforge.core.edit.model.MotionKind;
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Quality;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.edit.model.Speed;
import dev.reelforge.core.edit.model.Transition;
import dev.reelforge.core.edit.model.TransitionKind;
import dev.reelforge.core.media.MediaInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ChunkBoundariesTest {

    private static final Fps PAL = new Fps(25, 1);
    private static final Fps NTSC = new Fps(30000, 1001);
    private static final Size FRAME = new Size(320, 180);
    private static final Box FULL = new Box(320, 180, new Box.Crop(0, 0, 320, 180), 0, 0);
    private static final Look PLAIN = new Look(1, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
    /** A one-second fade. */
    private static final Look.PlannedTransition FADE =
            new Look.PlannedTransition(new Transition(TransitionKind.FADE, Speed.NORMAL), 1);

    /** A 60 s video, long enough for every layer here not to run out. */
    private final SourceFile footage = video(0, 60);

    @Test
    void aPlanNoLongerThanAChunkIsOneChunk() {
        RenderPlan plan = plan(PAL, 12, List.of(picture(footage, 0, 12, PLAIN)), List.of());

        assertThat(ChunkBoundaries.of(plan, 15)).containsExactly(new ChunkBoundaries.Chunk(0, 12));
        assertThat(ChunkBoundaries.of(plan(PAL, 15, List.of(picture(footage, 0, 15, PLAIN)), List.of()), 15))
                .containsExactly(new ChunkBoundaries.Chunk(0, 15));
    }

    @Test
    void twiceAChunkIsTwoChunksMeetingAtAFrameAndCoveringThePlan() {
        for (Fps fps : List.of(PAL, NTSC)) {
            RenderPlan plan = plan(fps, 30, List.of(picture(footage, 0, 30, PLAIN)), List.of());

            List<ChunkBoundaries.Chunk> chunks = ChunkBoundaries.of(plan, 15);

            assertThat(chunks).as("at %s", fps).hasSize(2);
            assertThat(chunks.getFirst().from()).isZero();
            assertThat(chunks.getLast().to()).isEqualTo(30);
            assertThat(chunks.get(1).from()).isEqualTo(chunks.getFirst().to());
            double cut = chunks.get(1).from();
            assertThat(cut).isCloseTo(15, within(1 / fps.value()));
            double frames = cut * fps.numerator() / fps.denominator();
            assertThat(frames).as("the cut at %s s is frame %s at %s", cut, frames, fps)
                    .isCloseTo(Math.rint(frames), within(1e-6));
            assertThat(ChunkBoundaries.safe(plan, cut)).isTrue();
        }
    }

    @Test
    void aLongPlanIsCutIntoEvenChunksNoLongerThanAskedForAbout() {
        RenderPlan plan = plan(PAL, 50, List.of(picture(footage, 0, 50, PLAIN)), List.of());

        List<ChunkBoundaries.Chunk> chunks = ChunkBoundaries.of(plan, 15);

        assertThat(chunks).hasSize(4);
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(chunks.get(i).length()).isCloseTo(12.5, within(0.04 + 1e-9));
            if (i > 0) {
                assertThat(chunks.get(i).from()).isEqualTo(chunks.get(i - 1).to());
            }
        }
    }

    @Test
    void aCutDuringATransitionInMovesToTheNearestFrameBeforeIt() {
        // A second clip fading in from 14.6 to 15.6: 15 is inside; 14.6 is 0.4 s away, 15.6 is 0.6 s.
        Look fadingIn = new Look(1, Optional.of(FADE), Optional.empty(), Optional.empty(), Optional.empty());
        RenderPlan plan = plan(PAL, 30, List.of(picture(footage, 0, 14.6, PLAIN),
                picture(footage, 14.6, 15.4, fadingIn)), List.of());

        assertThat(cuts(ChunkBoundaries.of(plan, 15))).singleElement().satisfies(cut ->
                assertThat(cut).isCloseTo(14.6, within(1e-9)));
        assertThat(ChunkBoundaries.safe(plan, 15)).isFalse();
        assertThat(ChunkBoundaries.safe(plan, 14.6)).isTrue();
        assertThat(ChunkBoundaries.safe(plan, 15.6)).isTrue();
    }

    @Test
    void aCutDuringATransitionOutMovesToTheNearestFrameAfterIt() {
        // The clip fades out from 14.2 to 15.2: 15.2 is nearer than 14.2.
        Look fadingOut = new Look(1, Optional.empty(), Optional.of(FADE), Optional.empty(), Optional.empty());
        RenderPlan plan = plan(PAL, 30, List.of(picture(footage, 0, 15.2, fadingOut),
                picture(footage, 15.2, 14.8, PLAIN)), List.of());

        assertThat(cuts(ChunkBoundaries.of(plan, 15))).singleElement().satisfies(cut ->
                assertThat(cut).isCloseTo(15.2, within(1e-9)));
        assertThat(ChunkBoundaries.safe(plan, 14.8)).isFalse();
        assertThat(ChunkBoundaries.safe(plan, 15.2)).isTrue();
    }

    @Test
    void aCutDuringAnAudioFadeMovesOutOfIt() {
        // Music fading out from 14.4 to 15.4, the next piece fading in from 15.4 to 15.9: 14.4 is nearest.
        SourceFile music = sound(1, 60);
        RenderPlan plan = plan(PAL, 30, List.of(picture(footage, 0, 30, PLAIN)), List.of(
                new AudioPart(new Timing(0, 15.4), music, 0, 1, 1, 0, 1),
                new AudioPart(new Timing(15.4, 14.6), music, 20, 1, 1, 0.5, 0)));

        assertThat(cuts(ChunkBoundaries.of(plan, 15))).singleElement().satisfies(cut ->
                assertThat(cut).isCloseTo(14.4, within(1e-9)));
        assertThat(ChunkBoundaries.safe(plan, 15)).isFalse();
        assertThat(ChunkBoundaries.safe(plan, 15.6)).isFalse();
        assertThat(ChunkBoundaries.safe(plan, 14.4)).isTrue();
        assertThat(ChunkBoundaries.safe(plan, 16)).isTrue();
    }

    @Test
    void aLayerWithAMotionEffectIsNeverCut() {
        Look zooming = new Look(1, Optional.empty(), Optional.empty(),
                Optional.of(new MotionEffect(MotionKind.ZOOM_IN, Speed.NORMAL)), Optional.empty());
        RenderPlan plan = plan(PAL, 30, List.of(picture(footage, 0, 30, PLAIN), picture(footage, 11, 9.5, zooming)),
                List.of());

        assertThat(cuts(ChunkBoundaries.of(plan, 15))).singleElement().satisfies(cut ->
                assertThat(cut).isCloseTo(11, within(1e-9)));
        assertThat(ChunkBoundaries.safe(plan, 11.04)).isFalse();
        assertThat(ChunkBoundaries.safe(plan, 20.46)).isFalse();
        assertThat(ChunkBoundaries.safe(plan, 20.5)).isTrue();
    }

    @Test
    void aLayerWithALumaMatteIsNeverCut() {
        VisualLayer.Picture matted = picture(footage, 12, 4.2, PLAIN)
                .withMattes(List.of(new Matte(new Timing(12, 4.2), video(2, 10), 0, false)));
        RenderPlan plan = plan(PAL, 30, List.of(picture(footage, 0, 30, PLAIN), matted), List.of());

        assertThat(cuts(ChunkBoundaries.of(plan, 15))).singleElement().satisfies(cut ->
                assertThat(cut).isCloseTo(16.2, within(1e-9)));
        assertThat(ChunkBoundaries.safe(plan, 12.04)).isFalse();
        assertThat(ChunkBoundaries.safe(plan, 16.16)).isFalse();
    }

    @Test
    void aVideoPlayingPastItsSourcesEndIsNeverCutButAStillIs() {
        // 9 s of a 10 s source from its second 0: it runs out at 19 and holds its last frame to 22.
        SourceFile shortClip = video(3, 10);
        RenderPlan runningOut = plan(PAL, 30, List.of(picture(footage, 0, 30, PLAIN),
                picture(shortClip, 9, 13, PLAIN)), List.of());
        RenderPlan still = plan(PAL, 30, List.of(picture(footage, 0, 30, PLAIN),
                new VisualLayer.Picture(new Timing(9, 13), PLAIN, shortClip, 4, 1, true, FULL)), List.of());

        assertThat(cuts(ChunkBoundaries.of(runningOut, 15))).singleElement().satisfies(cut ->
                assertThat(cut).isCloseTo(9, within(1e-9)));
        assertThat(ChunkBoundaries.safe(runningOut, 15)).isFalse();
        assertThat(cuts(ChunkBoundaries.of(still, 15))).singleElement().satisfies(cut ->
                assertThat(cut).isCloseTo(15, within(1e-9)));
        assertThat(ChunkBoundaries.safe(still, 15)).isTrue();
    }

    @Test
    void aSoundPlayingPastItsSourcesEndIsNeverCut() {
        RenderPlan plan = plan(PAL, 30, List.of(picture(footage, 0, 30, PLAIN)),
                List.of(new AudioPart(new Timing(10, 20), sound(4, 12), 0, 1, 1, 0, 0)));

        assertThat(ChunkBoundaries.safe(plan, 15)).isFalse();
        assertThat(ChunkBoundaries.safe(plan, 10)).isTrue();
        assertThat(cuts(ChunkBoundaries.of(plan, 15))).singleElement().satisfies(cut ->
                assertThat(cut).isCloseTo(10, within(1e-9)));
    }

    @Test
    void aSoundPlayedFasterOrSlowerIsNeverCut() {
        // Its time-stretch started at a cut would not continue the whole's: the join would click.
        RenderPlan plan = plan(PAL, 30, List.of(picture(footage, 0, 30, PLAIN)),
                List.of(new AudioPart(new Timing(11, 8), sound(4, 60), 0, 1.25, 1, 0, 0)));

        assertThat(ChunkBoundaries.safe(plan, 15)).isFalse();
        assertThat(ChunkBoundaries.safe(plan, 19)).isTrue();
        assertThat(cuts(ChunkBoundaries.of(plan, 15))).singleElement().satisfies(cut ->
                assertThat(cut).isCloseTo(11, within(1e-9)));
    }

    @Test
    void chunksWithNoSafeCutWithinHalfAChunkAreMergedIntoOne() {
        // A motion effect from 6 to 24: 15 is 9 s from either end, more than half of a 15 s chunk.
        Look zooming = new Look(1, Optional.empty(), Optional.empty(),
                Optional.of(new MotionEffect(MotionKind.SLIDE_LEFT, Speed.SLOW)), Optional.empty());
        RenderPlan twoChunks = plan(PAL, 30, List.of(picture(footage, 0, 30, PLAIN), picture(footage, 6, 18, zooming)),
                List.of());
        RenderPlan threeChunks = plan(PAL, 45, List.of(picture(footage, 0, 45, PLAIN),
                picture(footage, 6, 18, zooming)), List.of());

        assertThat(ChunkBoundaries.of(twoChunks, 15)).containsExactly(new ChunkBoundaries.Chunk(0, 30));
        assertThat(ChunkBoundaries.of(threeChunks, 15)).containsExactly(new ChunkBoundaries.Chunk(0, 30),
                new ChunkBoundaries.Chunk(30, 45));
    }

    @Test
    void safeIsTrueOutsideAndAtTheEdgesOfWhatIsInFlight() {
        Look fading = new Look(1, Optional.of(FADE), Optional.of(FADE), Optional.empty(), Optional.empty());
        RenderPlan plan = plan(PAL, 30, List.of(picture(footage, 5, 10, fading)), List.of());

        assertThat(ChunkBoundaries.safe(plan, 4)).isTrue();
        assertThat(ChunkBoundaries.safe(plan, 5)).isTrue();
        assertThat(ChunkBoundaries.safe(plan, 5.5)).isFalse();
        assertThat(ChunkBoundaries.safe(plan, 6)).isTrue();
        assertThat(ChunkBoundaries.safe(plan, 10)).isTrue();
        assertThat(ChunkBoundaries.safe(plan, 14)).isTrue();
        assertThat(ChunkBoundaries.safe(plan, 14.5)).isFalse();
        assertThat(ChunkBoundaries.safe(plan, 15)).isTrue();
    }

    @Test
    void aChunkMustLastSomeSeconds() {
        RenderPlan plan = plan(PAL, 30, List.of(picture(footage, 0, 30, PLAIN)), List.of());

        assertThatThrownBy(() -> ChunkBoundaries.of(plan, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChunkBoundaries.of(plan, -5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Double> cuts(List<ChunkBoundaries.Chunk> chunks) {
        List<Double> cuts = new ArrayList<>();
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).from()).isEqualTo(chunks.get(i - 1).to());
            cuts.add(chunks.get(i).from());
        }
        return cuts;
    }

    private static RenderPlan plan(Fps fps, double duration, List<VisualLayer> layers, List<AudioPart> sounds) {
        List<SourceFile> sources = new ArrayList<>();
        layers.forEach(layer -> {
            if (layer instanceof VisualLayer.Picture picture && !sources.contains(picture.source())) {
                sources.add(picture.source());
            }
        });
        sounds.forEach(sound -> {
            if (!sources.contains(sound.source())) {
                sources.add(sound.source());
            }
        });
        OutputPlan output = new OutputPlan(OutputFormat.MP4, FRAME, fps, Quality.HIGH, true, false, Optional.empty(),
                Optional.empty(), false, false);
        return new RenderPlan(FRAME, fps, Color.BLACK, duration, 0, sources, layers, sounds, output);
    }

    private static VisualLayer.Picture picture(SourceFile source, double start, double length, Look look) {
        return new VisualLayer.Picture(new Timing(start, length), look, source, 0, 1, false, FULL);
    }

    private static SourceFile video(int index, double seconds) {
        return new SourceFile(index, URI.create("https://example.com/video-" + index + ".mp4"),
                new MediaInfo(OptionalDouble.of(seconds), Optional.of(new MediaInfo.VideoStream(320, 180, 25, "h264")),
                        Optional.empty(), 1_000_000));
    }

    private static SourceFile sound(int index, double seconds) {
        return new SourceFile(index, URI.create("https://example.com/sound-" + index + ".mp3"),
                new MediaInfo(OptionalDouble.of(seconds), Optional.empty(),
                        Optional.of(new MediaInfo.AudioStream(44_100, 2, "mp3")), 100_000));
    }
}
