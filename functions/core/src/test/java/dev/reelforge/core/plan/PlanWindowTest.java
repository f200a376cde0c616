package dev.reelforge.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import dev.reelforge.core.edit.model.OutputFormat;
import dev.reelforge.core.edit.model.Position;
import dev.reelforge.core.edit.model.Quality;
import dev.reelforge.core.edit.model.RichTextLook;
import dev.reelforge.core.edit.model.Size;
import dev.reelforge.core.edit.model.Speed;
import dev.reelforge.core.edit.model.Transition;
import dev.reelforge.core.edit.model.TransitionKind;
import dev.reelforge.core.edit.model.Tween;
import dev.reelforge.core.media.MediaInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class PlanWindowTest {

    private static final Fps FPS = new Fps(25, 1);
    private static final Size FRAME = new Size(320, 180);
    private static final Box FULL = new Box(320, 180, new Box.Crop(0, 0, 320, 180), 0, 0);
    private static final Look PLAIN = new Look(1, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());
    private static final Look.PlannedTransition FADE =
            new Look.PlannedTransition(new Transition(TransitionKind.FADE, Speed.NORMAL), 1);
    private static final Look FADING = new Look(1, Optional.of(FADE), Optional.of(FADE), Optional.empty(),
            Optional.empty());

    private final SourceFile footage = new SourceFile(0, URI.create("https://example.com/footage.mp4"),
            new MediaInfo(OptionalDouble.of(60), Optional.of(new MediaInfo.VideoStream(320, 180, 25, "h264")),
                    Optional.of(new MediaInfo.AudioStream(48_000, 2, "aac")), 1_000_000));

    @Test
    void aLayerAcrossTheCutKeepsItsTransitionInBeforeAndItsTransitionOutAfter() {
        RenderPlan plan = plan(10, List.of(video(2, 4, 0, 1, FADING)), List.of());

        VisualLayer before = plan.window(0, 4).layers().getFirst();
        VisualLayer after = plan.window(4, 10).layers().getFirst();

        assertThat(before.timing()).isEqualTo(new Timing(2, 2));
        assertThat(before.look().in()).contains(FADE);
        assertThat(before.look().out()).isEmpty();
        assertThat(after.timing()).isEqualTo(new Timing(0, 2));
        assertThat(after.look().in()).isEmpty();
        assertThat(after.look().out()).contains(FADE);
    }

    @Test
    void aVideoCutAtTheStartOfTheWindowPlaysOnFromWhereItWasAtItsSpeedAndAStillStays() {
        VisualLayer.Picture fast = video(2, 4, 1.5, 2, PLAIN);
        VisualLayer.Picture paused = new VisualLayer.Picture(new Timing(2, 4), PLAIN, footage, 7, 1, true, FULL);
        RenderPlan plan = plan(10, List.of(fast, paused), List.of());

        List<VisualLayer> layers = plan.window(3.5, 10).layers();

        VisualLayer.Picture fastAfter = (VisualLayer.Picture) layers.get(0);
        VisualLayer.Picture pausedAfter = (VisualLayer.Picture) layers.get(1);
        // 1.5 s of the layer cut off at twice the speed: 3 s more of the source.
        assertThat(fastAfter.trim()).isCloseTo(4.5, within(1e-9));
        assertThat(fastAfter.speed()).isEqualTo(2);
        assertThat(fastAfter.timing()).isEqualTo(new Timing(0, 2.5));
        assertThat(pausedAfter.trim()).isEqualTo(7);
        assertThat(pausedAfter.still()).isTrue();
        assertThat(plan.window(0, 3.5).layers()).extracting(layer -> ((VisualLayer.Picture) layer).trim())
                .containsExactly(1.5, 7.0);
    }

    @Test
    void aLayerInsideTheWindowIsOnlyMovedToItsTime() {
        VisualLayer.Picture inside = video(5, 2, 3, 1, FADING);
        RenderPlan plan = plan(10, List.of(inside), List.of());

        VisualLayer.Picture moved = (VisualLayer.Picture) plan.window(4, 10).layers().getFirst();

        assertThat(moved.timing().start()).isCloseTo(1, within(1e-9));
        assertThat(moved.timing().length()).isCloseTo(2, within(1e-9));
        assertThat(moved.look().in()).contains(FADE);
        assertThat(moved.look().out()).contains(FADE);
        assertThat(moved.trim()).isEqualTo(3);
    }

    @Test
    void tweensKeepTheirClockWhichStartsBeforeTheWindow() {
        Keyframes rising = new Keyframes(List.of(new Tween(0, 1, 0.5, 3, Interpolation.LINEAR, Easing.EASE)));
        Animation animation = new Animation(Optional.of(rising), Optional.empty(), Optional.empty(), Optional.empty());
        Look tweened = new Look(1, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), animation, 2);
        RenderPlan plan = plan(10, List.of(video(2, 6, 0, 1, tweened)), List.of());

        Look after = plan.window(5, 10).layers().getFirst().look();

        assertThat(after.clipStart()).isCloseTo(-3, within(1e-9));
        assertThat(after.animation()).isEqualTo(animation);
        assertThat(plan.window(0, 5).layers().getFirst().look().clipStart()).isEqualTo(2);
    }

    @Test
    void captionCuesAndTheirWordsKeepTheirTimesOnTheWindowsClock() {
        Cue cue = new Cue(3, 5, "two words", List.of(new Cue.Word("two", 3, 4), new Cue.Word("words", 4, 5)));
        Cue later = new Cue(6, 7, "later", List.of(new Cue.Word("later", 6, 7)));
        VisualLayer.Caption caption = new VisualLayer.Caption(new Timing(0, 10), PLAIN, List.of(cue, later),
                captionStyle(), Offset.NONE);
        RenderPlan plan = plan(10, List.of(caption), List.of());

        VisualLayer.Caption after = (VisualLayer.Caption) plan.window(4, 10).layers().getFirst();

        assertThat(after.timing()).isEqualTo(new Timing(0, 6));
        assertThat(after.cues()).containsExactly(
                new Cue(-1, 1, "two words", List.of(new Cue.Word("two", -1, 0), new Cue.Word("words", 0, 1))),
                new Cue(2, 3, "later", List.of(new Cue.Word("later", 2, 3))));
    }

    @Test
    void richTextCutAtTheStartOfTheWindowHasSkippedWhatWasCutOff() {
        VisualLayer.RichText rich = new VisualLayer.RichText(new Timing(1, 6), PLAIN, richTextLook(), 200, 50, 0.5,
                FULL);
        RenderPlan plan = plan(10, List.of(rich), List.of());

        VisualLayer.RichText after = (VisualLayer.RichText) plan.window(3, 10).layers().getFirst();
        VisualLayer.RichText before = (VisualLayer.RichText) plan.window(0, 3).layers().getFirst();

        assertThat(after.skipped()).isCloseTo(2.5, within(1e-9));
        assertThat(after.timing()).isEqualTo(new Timing(0, 4));
        assertThat(before.skipped()).isEqualTo(0.5);
        assertThat(before.timing()).isEqualTo(new Timing(1, 2));
    }

    @Test
    void aSoundAcrossTheCutPlaysOnWithEachFadeOnItsOwnSide() {
        Keyframes swell = new Keyframes(List.of(new Tween(0.2, 1, 3, 2, Interpolation.LINEAR, Easing.EASE)));
        AudioPart music = new AudioPart(new Timing(1, 7), footage, 0.5, 1.5, 1, 1, 1.5, Optional.of(swell));
        RenderPlan plan = plan(10, List.of(), List.of(music));

        AudioPart before = plan.window(0, 4).sounds().getFirst();
        AudioPart after = plan.window(4, 10).sounds().getFirst();

        assertThat(before.timing()).isEqualTo(new Timing(1, 3));
        assertThat(before.trim()).isEqualTo(0.5);
        assertThat(before.fadeInSeconds()).isEqualTo(1);
        assertThat(before.fadeOutSeconds()).isZero();
        assertThat(before.volumeTweens()).contains(swell);
        assertThat(after.timing()).isEqualTo(new Timing(0, 4));
        // 3 s of the part cut off at 1.5x: 4.5 s more of the source.
        assertThat(after.trim()).isCloseTo(5, within(1e-9));
        assertThat(after.speed()).isEqualTo(1.5);
        assertThat(after.fadeInSeconds()).isZero();
        assertThat(after.fadeOutSeconds()).isEqualTo(1.5);
        // The swell began 3 s into the part, which is where the window starts.
        Keyframes shifted = after.volumeTweens().orElseThrow();
        assertThat(shifted.tweens().getFirst().start()).isCloseTo(0, within(1e-9));
        for (double at = 0; at <= 4; at += 0.25) {
            assertThat(shifted.valueAt(at)).isCloseTo(swell.valueAt(at + 3), within(1e-9));
        }
    }

    @Test
    void whatIsOutsideTheWindowIsLeftOut() {
        RenderPlan plan = plan(10, List.of(video(0, 3, 0, 1, PLAIN), video(3, 2, 0, 1, PLAIN),
                video(7, 3, 0, 1, PLAIN)), List.of(new AudioPart(new Timing(0, 2), footage, 0, 1, 1, 0, 0)));

        RenderPlan window = plan.window(3, 7);

        assertThat(window.layers()).extracting(VisualLayer::timing).containsExactly(new Timing(0, 2));
        assertThat(window.sounds()).isEmpty();
    }

    @Test
    void aWindowLastsFromItsStartToItsEndOfTheSameFrameRateAndOutput() {
        RenderPlan plan = plan(10, List.of(video(0, 10, 0, 1, PLAIN)), List.of());

        RenderPlan window = plan.window(2.48, 7.52);

        assertThat(window.duration()).isCloseTo(5.04, within(1e-9));
        assertThat(window.fps()).isEqualTo(plan.fps());
        assertThat(window.frame()).isEqualTo(plan.frame());
        assertThat(window.output()).isEqualTo(plan.output());
        assertThat(window.sources()).isEqualTo(plan.sources());
        assertThat(plan.window(0, 10).duration()).isEqualTo(10);
        assertThat(plan.window(0, 10).layers()).isEqualTo(plan.layers());
    }

    @Test
    void aWindowThatIsEmptyOrBeyondThePlanIsRefused() {
        RenderPlan plan = plan(10, List.of(video(0, 10, 0, 1, PLAIN)), List.of());

        assertThatThrownBy(() -> plan.window(4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.window(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.window(5, 10.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.window(-1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plan.window(Double.NaN, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    private VisualLayer.Picture video(double start, double length, double trim, double speed, Look look) {
        return new VisualLayer.Picture(new Timing(start, length), look, footage, trim, speed, false, FULL);
    }

    private RenderPlan plan(double duration, List<VisualLayer> layers, List<AudioPart> sounds) {
        OutputPlan output = new OutputPlan(OutputFormat.MP4, FRAME, FPS, Quality.HIGH, true, false, Optional.empty(),
                Optional.empty(), false, false);
        return new RenderPlan(FRAME, FPS, Color.BLACK, duration, 0, List.of(footage), layers, sounds, output);
    }

    private static CaptionStyle captionStyle() {
        return new CaptionStyle(FontFace.SANS_BOLD, 24, 1.2, Color.WHITE, Optional.empty(), 0, Optional.empty(),
                Optional.empty(), 0, 0, CaptionStyle.Margin.NONE, Asset.HorizontalAlign.CENTER,
                Asset.VerticalAlign.BOTTOM, CaptionStyle.TextTransform.NONE, Optional.empty(),
                CaptionStyle.WordAnimation.NONE).placedAt(Position.BOTTOM);
    }

    private static RichTextLook richTextLook() {
        return new RichTextLook("Hello", FontFace.SANS_REGULAR, 24, Color.WHITE, 0, 0, 1.2,
                RichTextLook.Decoration.NONE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), RichTextLook.Padding.NONE, Asset.HorizontalAlign.CENTER,
                Asset.VerticalAlign.CENTER, Optional.of(new RichTextLook.TextAnimation(RichTextLook.Preset.TYPEWRITER,
                        2, false, RichTextLook.Direction.LEFT)));
    }
}
