package dev.reelforge.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.edit.EditReader;
import dev.reelforge.core.edit.EditReading;
import dev.reelforge.core.edit.model.Edit;
import dev.reelforge.core.json.Json;
import dev.reelforge.core.media.MediaInfo;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RenderPlannerTest {

    private static final URI VIDEO = URI.create("https://x.test/v.mp4");
    private static final URI IMAGE = URI.create("https://x.test/i.png");
    private static final URI MUSIC = URI.create("https://x.test/m.mp3");
    private static final Map<URI, MediaInfo> PROBES = Map.of(
            VIDEO, new MediaInfo(OptionalDouble.of(10), Optional.of(new MediaInfo.VideoStream(1920, 1080, 25, "h264")),
                    Optional.of(new MediaInfo.AudioStream(48000, 2, "aac")), 1000),
            IMAGE, new MediaInfo(OptionalDouble.empty(), Optional.of(new MediaInfo.VideoStream(400, 400, 0, "png")),
                    Optional.empty(), 100),
            MUSIC, new MediaInfo(OptionalDouble.of(60), Optional.empty(),
                    Optional.of(new MediaInfo.AudioStream(44100, 2, "mp3")), 500));

    private static Edit edit(String json) throws Exception {
        return ((EditReading.Renderable) new EditReader().read(Json.MAPPER.readTree(json))).edit();
    }

    private static RenderPlan plan(String json) throws Exception {
        Planning planning = new RenderPlanner().plan(edit(json), PROBES);
        assertThat(planning).isInstanceOf(Planning.Planned.class);
        return ((Planning.Planned) planning).plan();
    }

    private static String timeline(String clips, String output) {
        return """
                {"timeline": {"tracks": [{"clips": [%s]}]}, "output": {"format": "mp4", "resolution": "hd"%s}}
                """.formatted(clips, output);
    }

    @Test
    void autoLengthIsTheSourceAfterTrimAtItsSpeedAndAutoStartFollowsIt() throws Exception {
        RenderPlan plan = plan(timeline("""
                {"asset": {"type": "video", "src": "https://x.test/v.mp4", "trim": 2, "speed": 2}, "start": 1, "length": "auto"},
                {"asset": {"type": "title", "text": "next"}, "start": "auto", "length": 3}""", ""));

        assertThat(plan.layers()).hasSize(2);
        assertThat(plan.layers().get(0).timing()).isEqualTo(new Timing(1, 4));
        assertThat(plan.layers().get(1).timing()).isEqualTo(new Timing(5, 3));
        assertThat(plan.duration()).isEqualTo(8);
    }

    @Test
    void endLengthReachesTheLatestEndOfTheOtherClips() throws Exception {
        RenderPlan plan = plan("""
                {"timeline": {"tracks": [
                  {"clips": [{"asset": {"type": "title", "text": "over"}, "start": 2, "length": "end"}]},
                  {"clips": [{"asset": {"type": "image", "src": "https://x.test/i.png"}, "start": 0, "length": 7}]}]},
                 "output": {"format": "mp4"}}
                """);

        assertThat(plan.duration()).isEqualTo(7);
        assertThat(plan.layers().get(1).timing()).isEqualTo(new Timing(2, 5));
    }

    @Test
    void theFirstTrackIsTheTopLayer() throws Exception {
        RenderPlan plan = plan("""
                {"timeline": {"tracks": [
                  {"clips": [{"asset": {"type": "title", "text": "top"}, "start": 0, "length": 2}]},
                  {"clips": [{"asset": {"type": "image", "src": "https://x.test/i.png"}, "start": 0, "length": 2}]}]},
                 "output": {"format": "mp4"}}
                """);

        assertThat(plan.layers().get(0)).isInstanceOf(VisualLayer.Picture.class);
        assertThat(plan.layers().get(1)).isInstanceOf(VisualLayer.Text.class);
    }

    @Test
    void theRangeCutsClipsAndDropsTheTransitionsAtTheCut() throws Exception {
        RenderPlan plan = plan(timeline("""
                {"asset": {"type": "video", "src": "https://x.test/v.mp4", "trim": 1}, "start": 0, "length": 6,
                 "transition": {"in": "fade", "out": "fade"}}""", ", \"range\": {\"start\": 2, \"length\": 3}"));

        VisualLayer.Picture picture = (VisualLayer.Picture) plan.layers().getFirst();
        assertThat(plan.duration()).isEqualTo(3);
        assertThat(picture.timing()).isEqualTo(new Timing(0, 3));
        assertThat(picture.trim()).isEqualTo(3);
        assertThat(picture.look().in()).isEmpty();
        assertThat(picture.look().out()).isEmpty();
        assertThat(plan.sounds().getFirst().trim()).isEqualTo(3);
    }

    @Test
    void transitionsFitIntoHalfTheClip() throws Exception {
        RenderPlan plan = plan(timeline("""
                {"asset": {"type": "title", "text": "short"}, "start": 0, "length": 1.5,
                 "transition": {"in": "fadeSlow", "out": "wipeLeftFast"}}""", ""));

        Look look = plan.layers().getFirst().look();
        assertThat(look.in().orElseThrow().seconds()).isEqualTo(0.75);
        assertThat(look.out().orElseThrow().seconds()).isEqualTo(0.5);
    }

    @Test
    void cropFillsTheFrameAndCropsTheOverflow() {
        Box box = boxFor("crop", 1, "center", new MediaInfo.VideoStream(400, 400, 0, "png"));

        assertThat(box.scaledWidth()).isEqualTo(1280);
        assertThat(box.scaledHeight()).isEqualTo(1280);
        assertThat(box.crop()).isEqualTo(new Box.Crop(0, 280, 1280, 720));
        assertThat(box.x()).isZero();
        assertThat(box.y()).isZero();
    }

    @Test
    void containFitsInsideAndPositionAnchorsInTheFreeSpace() {
        Box box = boxFor("contain", 1, "right", new MediaInfo.VideoStream(400, 400, 0, "png"));

        assertThat(box.crop().width()).isEqualTo(720);
        assertThat(box.crop().height()).isEqualTo(720);
        assertThat(box.x()).isEqualTo(560);
        assertThat(box.y()).isZero();
    }

    @Test
    void scaleFitsIntoAFractionOfTheFrame() {
        Box box = boxFor("cover", 0.5, "topLeft", new MediaInfo.VideoStream(1920, 1080, 25, "h264"));

        assertThat(box.crop()).isEqualTo(new Box.Crop(0, 0, 640, 360));
        assertThat(box.x()).isZero();
        assertThat(box.y()).isZero();
    }

    @Test
    void theAssetsCropComesBeforeFitSoWhatIsLeftIsFitted() throws Exception {
        Edit edit = edit(timeline("""
                {"asset": {"type": "image", "src": "https://x.test/i.png", "crop": {"top": 0.25, "bottom": 0.25}},
                 "start": 0, "length": 1, "fit": "contain",
                 "transform": {"rotate": {"angle": 90}, "flip": {"vertical": true}}}""", ""));

        Box box = RenderPlanner.box(edit.timeline().tracks().getFirst().clips().getFirst(),
                new MediaInfo.VideoStream(400, 800, 0, "png"), edit.output().size());

        // 400x400 is left of 400x800, and that square is fitted into the 1280x720 frame.
        assertThat(box.crop()).isEqualTo(new Box.Crop(0, 0, 720, 720));
        assertThat(box.x()).isEqualTo(280);
        assertThat(box.transform().crop().keptHeight()).isEqualTo(0.5);
        assertThat(box.transform().angle()).isEqualTo(90);
        assertThat(box.transform().flipVertical()).isTrue();
        assertThat(box.transform().flipHorizontal()).isFalse();
    }

    private static Box boxFor(String fit, double scale, String position, MediaInfo.VideoStream picture) {
        try {
            Edit edit = edit(timeline("""
                    {"asset": {"type": "image", "src": "https://x.test/i.png"}, "start": 0, "length": 1,
                     "fit": "%s", "scale": %s, "position": "%s"}""".formatted(fit, scale, position), ""));
            return RenderPlanner.box(edit.timeline().tracks().getFirst().clips().getFirst(), picture,
                    edit.output().size());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void offsetMovesRightAndUpByFractionsOfTheFrame() throws Exception {
        RenderPlan plan = plan(timeline("""
                {"asset": {"type": "image", "src": "https://x.test/i.png"}, "start": 0, "length": 1,
                 "fit": "none", "offset": {"x": 0.25, "y": 0.5}}""", ""));

        Box box = ((VisualLayer.Picture) plan.layers().getFirst()).box();
        assertThat(box.x()).isEqualTo((1280 - 400) / 2 + 320);
        assertThat(box.y()).isEqualTo((720 - 400) / 2 - 360);
    }

    @Test
    void theSoundtrackPlaysForTheShorterOfTheVideoAndTheFileWithItsFades() throws Exception {
        RenderPlan plan = plan("""
                {"timeline": {"soundtrack": {"src": "https://x.test/m.mp3", "effect": "fadeInFadeOut", "volume": 0.5},
                  "tracks": [{"clips": [{"asset": {"type": "title", "text": "x"}, "start": 0, "length": 5}]}]},
                 "output": {"format": "mp4"}}
                """);

        AudioPart soundtrack = plan.sounds().getFirst();
        assertThat(soundtrack.timing()).isEqualTo(new Timing(0, 5));
        assertThat(soundtrack.volume()).isEqualTo(0.5);
        assertThat(soundtrack.fadeInSeconds()).isEqualTo(2);
        assertThat(soundtrack.fadeOutSeconds()).isEqualTo(2);
        assertThat(plan.writesAudio()).isTrue();
    }

    @Test
    void muteLeavesNoSound() throws Exception {
        RenderPlan plan = plan(timeline("""
                {"asset": {"type": "video", "src": "https://x.test/v.mp4"}, "start": 0, "length": 2}""",
                ", \"mute\": true"));

        assertThat(plan.sounds()).isEmpty();
        assertThat(plan.writesAudio()).isFalse();
    }

    @Test
    void postersAndThumbnailsAreCapturedInsideTheRender() throws Exception {
        RenderPlan plan = plan(timeline("""
                {"asset": {"type": "title", "text": "x"}, "start": 0, "length": 4}""",
                ", \"poster\": {\"capture\": 99}, \"thumbnail\": {\"capture\": 1, \"scale\": 0.25}"));

        assertThat(plan.output().posterAt().orElseThrow()).isCloseTo(3.96, within(1e-9));
        assertThat(plan.output().thumbnail().orElseThrow().size().width()).isEqualTo(320);
    }

    @Test
    void aRangeStartingAfterTheTimelineCannotBePlanned() throws Exception {
        Planning planning = new RenderPlanner().plan(edit(timeline("""
                {"asset": {"type": "title", "text": "x"}, "start": 0, "length": 2}""",
                ", \"range\": {\"start\": 5, \"length\": 1}")), PROBES);

        assertThat(((Planning.Unplannable) planning).reason())
                .isEqualTo("output.range starts at 5.000s, at or after the end of the timeline (2.000s)");
    }

    @Test
    void aTrimPastTheEndOfTheSourceCannotBePlannedForAnAutoLength() throws Exception {
        Planning planning = new RenderPlanner().plan(edit(timeline("""
                {"asset": {"type": "video", "src": "https://x.test/v.mp4", "trim": 12}, "start": 0, "length": "auto"}""",
                "")), PROBES);

        assertThat(((Planning.Unplannable) planning).reason())
                .isEqualTo("timeline.tracks[0].clips[0].asset.trim is past the end of https://x.test/v.mp4");
    }

    @Test
    void aVideoAssetWhoseSourceHasNoPictureCannotBePlanned() throws Exception {
        Planning planning = new RenderPlanner().plan(edit(timeline("""
                {"asset": {"type": "video", "src": "https://x.test/m.mp3"}, "start": 0, "length": 2}""", "")), PROBES);

        assertThat(((Planning.Unplannable) planning).reason())
                .isEqualTo("timeline.tracks[0].clips[0].asset.src https://x.test/m.mp3 has no picture");
    }

    @Test
    void aLumaMasksTheFirstPictureOfItsTrackItOverlapsAndIsNotDrawnItself() throws Exception {
        RenderPlan plan = plan(timeline("""
                {"asset": {"type": "video", "src": "https://x.test/v.mp4"}, "start": 0, "length": 5},
                {"asset": {"type": "image", "src": "https://x.test/i.png"}, "start": 5, "length": 5},
                {"asset": {"type": "luma", "src": "https://x.test/v.mp4", "trim": 1}, "start": 4, "length": 2},
                {"asset": {"type": "luma", "src": "https://x.test/i.png"}, "start": 8, "length": 1}""", ""));

        assertThat(plan.layers()).hasSize(2);
        VisualLayer.Picture video = (VisualLayer.Picture) plan.layers().get(0);
        VisualLayer.Picture image = (VisualLayer.Picture) plan.layers().get(1);
        assertThat(video.mattes()).extracting(Matte::timing, Matte::trim, Matte::still)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new Timing(4, 2), 1.0, false));
        assertThat(image.mattes()).extracting(Matte::timing, Matte::still)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new Timing(8, 1), true));
    }

    @Test
    void aLumaMasksTextAndRichTextAsItMasksPictures() throws Exception {
        RenderPlan plan = plan("""
                {"timeline": {"tracks": [
                  {"clips": [
                    {"asset": {"type": "luma", "src": "https://x.test/i.png"}, "start": 0, "length": 2},
                    {"asset": {"type": "text", "text": "", "width": 300, "height": 300,
                               "background": {"color": "#ffffff"}}, "start": 1, "length": 3}]},
                  {"clips": [
                    {"asset": {"type": "title", "text": "a"}, "start": 0, "length": 2},
                    {"asset": {"type": "luma", "src": "https://x.test/v.mp4"}, "start": 0, "length": 2}]},
                  {"clips": [
                    {"asset": {"type": "rich-text", "text": "b"}, "start": 0, "length": 2},
                    {"asset": {"type": "luma", "src": "https://x.test/i.png"}, "start": 1, "length": 1}]}]},
                 "output": {"format": "mp4"}}
                """);

        assertThat(((VisualLayer.RichText) plan.layers().get(0)).mattes()).extracting(Matte::timing)
                .containsExactly(new Timing(1, 1));
        assertThat(((VisualLayer.Text) plan.layers().get(1)).mattes()).extracting(Matte::timing, Matte::still)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(new Timing(0, 2), false));
        assertThat(((VisualLayer.Text) plan.layers().get(2)).mattes()).extracting(Matte::timing)
                .as("the luma's own time").containsExactly(new Timing(0, 2));
    }

    @Test
    void aLumaCutByTheOutputRangePlaysFromWhereTheRangeStarts() throws Exception {
        RenderPlan plan = plan(timeline("""
                {"asset": {"type": "image", "src": "https://x.test/i.png"}, "start": 0, "length": 10},
                {"asset": {"type": "luma", "src": "https://x.test/v.mp4", "trim": 1}, "start": 4, "length": 2}""",
                ", \"range\": {\"start\": 5}"));

        Matte matte = ((VisualLayer.Picture) plan.layers().getFirst()).mattes().getFirst();
        assertThat(matte.timing()).isEqualTo(new Timing(0, 1));
        assertThat(matte.trim()).isEqualTo(2);
    }

    @Test
    void aPausedVideoIsAStillOfItsFrameAtTrimWithoutSound() throws Exception {
        RenderPlan plan = plan(timeline("""
                {"asset": {"type": "video", "src": "https://x.test/v.mp4", "trim": 3, "speed": 0},
                 "start": 0, "length": 4}""",
                ""));

        VisualLayer.Picture picture = (VisualLayer.Picture) plan.layers().getFirst();
        assertThat(picture.still()).isTrue();
        assertThat(picture.trim()).isEqualTo(3);
        assertThat(picture.timing()).isEqualTo(new Timing(0, 4));
        assertThat(plan.sounds()).isEmpty();
    }

    @Test
    void lumasOverlappingOnOnePictureTakeTurnsInTimeOrder() throws Exception {
        RenderPlan plan = plan(timeline("""
                {"asset": {"type": "luma", "src": "https://x.test/i.png"}, "start": 3, "length": 2},
                {"asset": {"type": "image", "src": "https://x.test/i.png"}, "start": 0, "length": 6},
                {"asset": {"type": "luma", "src": "https://x.test/v.mp4"}, "start": 0, "length": 4}""", ""));

        assertThat(((VisualLayer.Picture) plan.layers().getFirst()).mattes()).extracting(Matte::timing)
                .containsExactly(new Timing(0, 4), new Timing(4, 1));
    }

    @Test
    void captionCuesArePlacedOnTheClipsTimeAfterTrimAndSpeedAndCutToTheClip() throws Exception {
        URI src = URI.create("https://x.test/c.srt");
        java.util.List<dev.reelforge.core.caption.Cue> cues = java.util.List.of(
                new dev.reelforge.core.caption.Cue(0, 1, "gone", java.util.List.of()),
                new dev.reelforge.core.caption.Cue(2, 6, "two words", java.util.List.of(
                        new dev.reelforge.core.caption.Cue.Word("two", 2, 4),
                        new dev.reelforge.core.caption.Cue.Word("words", 4, 6))));
        Planning planning = new RenderPlanner().plan(edit(timeline("""
                {"asset": {"type": "caption", "src": "https://x.test/c.srt", "trim": 1, "speed": 2},
                 "start": 10, "length": 2}""", "")), PROBES, Map.of(src, cues));

        VisualLayer.Caption layer = (VisualLayer.Caption) ((Planning.Planned) planning).plan().layers().getFirst();
        // file time t is 10 + (t - 1) / 2 on the output: 2-6 becomes 10.5-12.5, cut at the clip's end, 12
        assertThat(layer.cues()).containsExactly(new dev.reelforge.core.caption.Cue(10.5, 12, "two words",
                java.util.List.of(new dev.reelforge.core.caption.Cue.Word("two", 10.5, 11.5),
                        new dev.reelforge.core.caption.Cue.Word("words", 11.5, 12))));
    }

    @Test
    void aPausedCaptionClipShowsTheCueOnScreenAtItsTrimForTheWholeClipWithTheWordsSpokenByThen() throws Exception {
        URI src = URI.create("https://x.test/c.srt");
        java.util.List<dev.reelforge.core.caption.Cue> cues = java.util.List.of(
                new dev.reelforge.core.caption.Cue(0, 1, "before", java.util.List.of()),
                new dev.reelforge.core.caption.Cue(2, 6, "two words", java.util.List.of(
                        new dev.reelforge.core.caption.Cue.Word("two", 2, 4),
                        new dev.reelforge.core.caption.Cue.Word("words", 4, 6))),
                new dev.reelforge.core.caption.Cue(7, 8, "after", java.util.List.of()));
        Planning planning = new RenderPlanner().plan(edit(timeline("""
                {"asset": {"type": "caption", "src": "https://x.test/c.srt", "trim": 3, "speed": 0},
                 "start": 10, "length": 2, "transition": {"in": "fade"}, "effect": "slideLeft",
                 "filter": "greyscale"}""", "")), PROBES, Map.of(src, cues));

        VisualLayer.Caption layer = (VisualLayer.Caption) ((Planning.Planned) planning).plan().layers().getFirst();
        // file time stands at 3 s: the cue of 2-6 s all the clip long, its first word spoken, the second not yet
        assertThat(layer.cues()).containsExactly(new dev.reelforge.core.caption.Cue(10, 12, "two words",
                java.util.List.of(new dev.reelforge.core.caption.Cue.Word("two", 10, 12),
                        new dev.reelforge.core.caption.Cue.Word("words", 12, 12))));
        assertThat(layer.look().in()).map(in -> in.transition().kind()).contains(
                dev.reelforge.core.edit.model.TransitionKind.FADE);
        assertThat(layer.look().effect()).map(dev.reelforge.core.edit.model.MotionEffect::kind)
                .contains(dev.reelforge.core.edit.model.MotionKind.SLIDE_LEFT);
        assertThat(layer.look().filter()).contains(dev.reelforge.core.edit.model.ColorFilter.GREYSCALE);
    }

    @Test
    void aPausedCaptionClipWhoseTrimFallsBetweenCuesShowsNothing() throws Exception {
        URI src = URI.create("https://x.test/c.srt");
        java.util.List<dev.reelforge.core.caption.Cue> cues = java.util.List.of(
                new dev.reelforge.core.caption.Cue(0, 1, "before", java.util.List.of()),
                new dev.reelforge.core.caption.Cue(2, 6, "later", java.util.List.of()));
        Planning planning = new RenderPlanner().plan(edit(timeline("""
                {"asset": {"type": "caption", "src": "https://x.test/c.srt", "trim": 1, "speed": 0},
                 "start": 0, "length": 2},
                {"asset": {"type": "image", "src": "https://x.test/i.png"}, "start": 0, "length": 2}""", "")),
                PROBES, Map.of(src, cues));

        // a cue ending at the trim point is over, as at speed 1
        assertThat(((Planning.Planned) planning).plan().layers()).noneMatch(VisualLayer.Caption.class::isInstance);
    }

    @Test
    void aCaptionClipWithMoreChangesThanTheBoundIsUnplannableNamingItsSource() throws Exception {
        URI src = URI.create("https://x.test/c.srt");
        java.util.List<dev.reelforge.core.caption.Cue> cues = new java.util.ArrayList<>();
        for (int i = 0; i <= CaptionTimes.MAX_CHANGES; i++) {
            cues.add(new dev.reelforge.core.caption.Cue(i * 0.001, i * 0.001 + 0.001, "x", java.util.List.of()));
        }
        Planning planning = new RenderPlanner().plan(edit(timeline("""
                {"asset": {"type": "caption", "src": "https://x.test/c.srt"}, "start": 0, "length": 3}""", "")),
                PROBES, Map.of(src, cues));

        assertThat(planning).isEqualTo(new Planning.Unplannable("timeline.tracks[0].clips[0].asset.src has 2001 cues"
                + " and spoken words to draw in this render; a caption clip draws at most 2000"));
    }

    @Test
    void aPaintedRichCaptionWithMorePicturesThanTheBoundIsUnplannableNamingItsSource() throws Exception {
        URI src = URI.create("https://x.test/c.vtt");
        java.util.List<dev.reelforge.core.caption.Cue> cues = new java.util.ArrayList<>();
        // fade: per word its start, its end and 8 steps of its entrance; per cue its start and end
        for (int i = 0; i < 600; i++) {
            double start = i * 0.004;
            cues.add(new dev.reelforge.core.caption.Cue(start, start + 0.004, "a b", java.util.List.of(
                    new dev.reelforge.core.caption.Cue.Word("a", start, start + 0.002),
                    new dev.reelforge.core.caption.Cue.Word("b", start + 0.002, start + 0.004))));
        }
        Planning planning = new RenderPlanner().plan(edit(timeline("""
                {"asset": {"type": "rich-caption", "src": "https://x.test/c.vtt", "animation": {"style": "fade"}},
                 "start": 0, "length": 3}""", "")), PROBES, Map.of(src, cues));

        assertThat(planning).isEqualTo(new Planning.Unplannable("timeline.tracks[0].clips[0].asset.src has cues and"
                + " spoken words for 13200 pictures in this render; a painted rich caption clip draws at most 6000"));
    }
}
