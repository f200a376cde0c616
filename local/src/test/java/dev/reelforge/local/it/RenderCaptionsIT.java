package dev.reelforge.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelforge.core.Environment;
import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.local.it.RenderPlayback.Frame;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Caption assets burned in, read from the pixels of 320x180 PNG stills taken at known times of the timeline
 * ({@code output.range.start} picks the frame): white text on a black frame, so a cue's text is the bright
 * pixels near the bottom, and a blue background box is where the blue is. The subtitle files are served by the
 * same loopback host as the other ITs' media.
 */
class RenderCaptionsIT {

    private static final String SRT = """
            1
            00:00:00,500 --> 00:00:01,500
            HELLO THERE

            2
            00:00:02,500 --> 00:00:03,500
            WORLD
            """;

    private static RenderTestStack stack;
    private static RenderPlayback playback;
    private static Path mediaDirectory;
    private static String srt;

    @BeforeAll
    static void startStackAndMedia() {
        stack = RenderTestStack.start();
        playback = stack.playback();
        mediaDirectory = stack.media().image("black.png", "0x000000", 32, 18).getParent();
        srt = subtitles("two-cues.srt", SRT);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String subtitles(String name, String text) {
        try {
            return stack.url(Files.writeString(mediaDirectory.resolve(name), text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The edit of one caption clip (asset fields after src) lasting 4 s, as a PNG of the frame at {@code at}. */
    private static String edit(String src, String assetMore, double at) {
        return """
                {"timeline": {"background": "#000000", "tracks": [{"clips": [
                   {"asset": {"type": "caption", "src": "%s"%s}, "start": 0, "length": 4}]}]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}, "range": {"start": %s}}}
                """.formatted(src, assetMore.isEmpty() ? "" : ", " + assetMore, at);
    }

    private static Frame still(String src, String assetMore, double at) {
        JsonNode render = stack.render(Environment.V1, edit(src, assetMore, at)).render();
        return playback.frameAt(stack.download(render.path("url").asText(), "png"), 0);
    }

    /** Pixels of the rectangle near (r, g, b), within 60 on every channel. */
    private static int pixels(Frame frame, int x0, int y0, int x1, int y1, int r, int g, int b) {
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if (frame.is(x, y, r, g, b, 60)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int white(Frame frame) {
        return pixels(frame, 0, 0, 320, 180, 255, 255, 255);
    }

    @Test
    void aCueIsDrawnDuringItsTimeAndNothingBetweenCues() {
        Frame first = still(srt, "", 1.0);
        Frame between = still(srt, "", 2.0);
        Frame second = still(srt, "", 3.0);

        assertThat(pixels(first, 0, 130, 320, 180, 255, 255, 255)).as("'HELLO THERE' at the bottom at 1 s")
                .isGreaterThan(100);
        assertThat(pixels(first, 0, 0, 320, 120, 255, 255, 255)).as("nothing above the captions").isZero();
        assertThat(white(between)).as("no caption between the cues, at 2 s").isZero();
        assertThat(pixels(second, 0, 130, 320, 180, 255, 255, 255)).as("'WORLD' at 3 s").isGreaterThan(50);
        assertThat(white(second)).as("WORLD is shorter than HELLO THERE").isLessThan(white(first));
    }

    @Test
    void inAVideoEachCueComesAndGoesAtItsTimes() {
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [{"clips": [
                   {"asset": {"type": "caption", "src": "%s", "background": {"color": "#0000ff", "padding": 6}},
                    "start": 0, "length": 4}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(srt)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        assertThat(white(playback.frameAt(mp4, 0.2))).as("before the first cue").isZero();
        assertThat(white(playback.frameAt(mp4, 1.0))).as("the first cue").isGreaterThan(100);
        assertThat(pixels(playback.frameAt(mp4, 2.0), 0, 0, 320, 180, 0, 0, 255)).as("no box between the cues")
                .isZero();
        assertThat(white(playback.frameAt(mp4, 3.0))).as("the second cue").isGreaterThan(50);
        assertThat(pixels(playback.frameAt(mp4, 3.0), 0, 0, 320, 180, 0, 0, 255)).as("its box").isGreaterThan(200);
        assertThat(white(playback.frameAt(mp4, 3.8))).as("after it").isZero();
    }

    @Test
    void trimShiftsTheCuesEarlierAndSpeedCompressesThem() {
        // trim 1: the second cue (2.5-3.5 in the file) is shown from 1.5 to 2.5 s
        assertThat(white(still(srt, "\"trim\": 1", 2.0))).as("trim 1, at 2 s: the second cue").isGreaterThan(50);
        assertThat(white(still(srt, "\"trim\": 1", 1.0))).as("trim 1, at 1 s: between the cues").isZero();
        // speed 2: the second cue is shown from 1.25 to 1.75 s, the first from 0.25 to 0.75
        assertThat(white(still(srt, "\"speed\": 2", 1.5))).as("speed 2, at 1.5 s: the second cue").isGreaterThan(50);
        assertThat(white(still(srt, "\"speed\": 2", 1.0))).as("speed 2, at 1 s: between the cues").isZero();
    }

    @Test
    void theBackgroundBoxHasItsColourPaddingAndRoundedCornersWhereTheTopMarginPutsIt() {
        Frame frame = still(srt, """
                "font": {"size": 20, "color": "#ffffff", "stroke": "#ff0000", "strokeWidth": 2},
                "background": {"color": "#0000ff", "padding": 10, "borderRadius": 8},
                "margin": {"top": 0.1}""", 1.0);

        // the box's top is at 10% of 180 = 18; the text starts 10 pixels of padding lower
        int middle = 160;
        assertThat(frame.is(middle, 14, 0, 0, 0, 30)).as("above the box: %s", frame.describe(middle, 14)).isTrue();
        assertThat(frame.is(middle, 21, 0, 0, 255, 40)).as("inside the top padding: %s", frame.describe(middle, 21))
                .isTrue();
        int left = 0;
        while (left < 320 && !frame.is(left, 40, 0, 0, 255, 40)) {
            left++;
        }
        assertThat(left).as("the box's left edge on row 40").isBetween(20, 150);
        assertThat(frame.is(left, 18, 0, 0, 0, 40)).as("the rounded top-left corner is not filled: %s",
                frame.describe(left, 18)).isTrue();
        assertThat(frame.is(left + 10, 19, 0, 0, 255, 40)).as("past the corner's curve: %s",
                frame.describe(left + 10, 19)).isTrue();
        assertThat(pixels(frame, 0, 18, 320, 70, 255, 255, 255)).as("white text in the box").isGreaterThan(50);
        assertThat(pixels(frame, 0, 18, 320, 70, 255, 0, 0)).as("its red stroke").isGreaterThan(50);
        assertThat(pixels(frame, 0, 100, 320, 180, 0, 0, 255)).as("nothing at the bottom").isZero();
    }

    @Test
    void leftAndRightMarginsMoveTheCaptionsAcross() {
        Frame left = still(srt, "\"margin\": {\"right\": 0.5}", 1.0);
        Frame right = still(srt, "\"margin\": {\"left\": 0.5}", 1.0);

        assertThat(pixels(left, 0, 130, 160, 180, 255, 255, 255)).as("right margin 0.5: in the left half")
                .isGreaterThan(100);
        assertThat(pixels(left, 160, 0, 320, 180, 255, 255, 255)).as("right margin 0.5: nothing right").isZero();
        assertThat(pixels(right, 160, 130, 320, 180, 255, 255, 255)).as("left margin 0.5: in the right half")
                .isGreaterThan(100);
        assertThat(pixels(right, 0, 0, 160, 180, 255, 255, 255)).as("left margin 0.5: nothing left").isZero();
    }

    @Test
    void aWebVttFileWithHundredsOfCuesRenders() {
        StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
        // 400 cues of 10 ms each, one after the other over the clip's 4 s: 400 boxes of filters in the graph
        for (int i = 0; i < 400; i++) {
            vtt.append(String.format("00:%02d.%03d --> 00:%02d.%03d\nCue <i>%d</i> &amp; more\n\n",
                    i / 100, (i % 100) * 10, (i + 1) / 100, ((i + 1) % 100) * 10, i));
        }
        String src = subtitles("many.vtt", vtt.toString());

        assertThat(white(still(src, "", 2.5))).as("the cue shown at 2.5 s").isGreaterThan(20);
    }

    @Test
    void aMalformedSubtitleFileFailsTheRenderNamingTheClipAndTheLine() {
        String broken = subtitles("broken.srt", """
                1
                00:00:00,500 --> 00:00:01,500
                Fine

                2
                00:00:02,500 -> 00:00:03,500
                Broken
                """);

        RenderTestStack.Watched watched = stack.awaitFinished(Environment.V1, stack.submit(Environment.V1,
                edit(broken, "", 1.0)));

        assertThat(watched.status()).isEqualTo("failed");
        assertThat(watched.render().path("error").asText())
                .contains("timeline.tracks[0].clips[0].asset.src")
                .contains("line 6")
                .doesNotContain("Exception");
    }

    // ------------------------------------------------------------------ the clip's transition, effect, filter, speed 0

    /** One cue the whole 4 s of a clip. */
    private static final String WHOLE = "1\n00:00:00,000 --> 00:00:04,000\nHELLO THERE\n";

    /** A 4 s MP4 of one caption clip (asset fields after src, clip fields after length). */
    private static Path video(String src, String assetMore, String clipMore) {
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [{"clips": [
                   {"asset": {"type": "caption", "src": "%s"%s}, "start": 0, "length": 4%s}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(src, assetMore.isEmpty() ? "" : ", " + assetMore, clipMore.isEmpty() ? ""
                        : ", " + clipMore)).render();
        return stack.download(render.path("url").asText(), "mp4");
    }

    @Test
    void aFadeInShowsTheCaptionAtHalfStrengthHalfwayAndWholeAfter() {
        Path mp4 = video(subtitles("whole-fade.srt", WHOLE), "\"background\": {\"color\": \"#0000ff\", \"padding\": 6}",
                "\"transition\": {\"in\": \"fade\"}");
        Frame halfway = playback.frameAt(mp4, 0.5);
        Frame after = playback.frameAt(mp4, 2.0);

        assertThat(pixels(halfway, 0, 100, 320, 180, 0, 0, 128)).as("0.5 s: the box at half strength")
                .isGreaterThan(200);
        assertThat(pixels(halfway, 0, 0, 320, 180, 0, 0, 255)).as("0.5 s: no box at full strength").isZero();
        assertThat(pixels(halfway, 0, 100, 320, 180, 128, 128, 128)).as("0.5 s: the text half grey")
                .isGreaterThan(50);
        assertThat(white(halfway)).as("0.5 s: no white text yet").isZero();
        assertThat(pixels(after, 0, 100, 320, 180, 0, 0, 255)).as("2 s: the box whole").isGreaterThan(200);
        assertThat(white(after)).as("2 s: the text white").isGreaterThan(100);
    }

    /** The mean column of the near-white pixels. */
    private static double middleOfWhite(Frame frame) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < 180; y++) {
            for (int x = 0; x < 320; x++) {
                if (frame.is(x, y, 255, 255, 255, 60)) {
                    sum += x;
                    count++;
                }
            }
        }
        assertThat(count).as("white pixels to find the middle of").isGreaterThan(50);
        return sum / count;
    }

    @Test
    void aSlideLeftEffectMovesTheCaptionLeftOverTheClip() {
        Path mp4 = video(subtitles("whole-slide.srt", WHOLE), "", "\"effect\": \"slideLeft\"");

        // the picture of the frame pans 10% of its width (32 pixels) over the 4 s: 24 of them from 0.5 to 3.5 s
        double early = middleOfWhite(playback.frameAt(mp4, 0.5));
        double late = middleOfWhite(playback.frameAt(mp4, 3.5));
        assertThat(early - late).as("moved left from %s to %s", early, late).isBetween(14.0, 34.0);
    }

    @Test
    void aGreyscaleFilterTakesTheColourOutOfTheCaptionsKeepingTheirStrength() {
        String src = subtitles("two-words-grey.vtt", TWO_WORDS);
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [{"clips": [
                   {"asset": {"type": "rich-caption", "src": "%s", %s, "animation": {"style": "highlight"}},
                    "start": 0, "length": 4, "filter": "greyscale"}]}, {"clips": [
                   {"asset": {"type": "caption", "src": "%s", "font": {"color": "#ffffff", "opacity": 0.5},
                              "margin": {"top": 0.05}},
                    "start": 0, "length": 4, "filter": "greyscale"}]}]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}, "range": {"start": 0.5}}}
                """.formatted(src, ACTIVE_RED, src)).render();
        Frame frame = playback.frameAt(stack.download(render.path("url").asText(), "png"), 0);

        // red's luma is 30% of white's: the spoken word comes out dark grey
        assertThat(pixels(frame, 0, 60, 155, 120, 76, 76, 76)).as("the spoken word, grey").isGreaterThan(50);
        assertThat(red(frame, 0, 320)).as("nothing red").isZero();
        assertThat(whiteIn(frame, 165, 320)).as("the other word still white").isGreaterThan(50);
        int halfGrey = 0;
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 320; x++) {
                halfGrey += frame.is(x, y, 128, 128, 128, 20) ? 1 : 0;
            }
        }
        assertThat(halfGrey).as("the half-transparent white caption at the top, as strong as without the filter")
                .isGreaterThan(50);
        assertThat(pixels(frame, 0, 0, 320, 50, 255, 255, 255)).as("and no stronger").isZero();
    }

    @Test
    void aPausedCaptionClipShowsTheCueAtItsTrimTheWholeClip() {
        // speed 1 shows HELLO THERE at 1 s and WORLD at 3 s; paused at file time 1 s, HELLO THERE both times
        Frame atStart = still(srt, "\"trim\": 1, \"speed\": 0", 0.2);
        Frame later = still(srt, "\"trim\": 1, \"speed\": 0", 3.0);
        int hello = white(still(srt, "", 1.0));

        assertThat(white(atStart)).as("0.2 s: HELLO THERE").isEqualTo(hello);
        assertThat(white(later)).as("3 s: still HELLO THERE").isEqualTo(hello);
    }

    // ------------------------------------------------------------------ tweens on caption and rich-caption clips

    @Test
    void aTweenedOffsetMovesTheCaptionAcrossAsItsTweenSays() {
        Path mp4 = video(subtitles("whole-offset.srt", WHOLE), "",
                "\"offset\": {\"x\": [{\"from\": 0, \"to\": 0.25, \"start\": 0, \"length\": 4}]}");

        // a quarter of the width (80 pixels) over 4 s: 10 pixels right at 0.5 s, 70 at 3.5 s
        double early = middleOfWhite(playback.frameAt(mp4, 0.5));
        double late = middleOfWhite(playback.frameAt(mp4, 3.5));
        assertThat(early).as("0.5 s: nearly centred").isBetween(160.0 + 10 - 8, 160.0 + 10 + 8);
        assertThat(late - early).as("moved right from %s to %s", early, late).isBetween(52.0, 68.0);
    }

    @Test
    void aTweenedOpacityFadesTheCaptionAsItsTweenSays() {
        Path mp4 = video(subtitles("whole-opacity.srt", WHOLE), "",
                "\"opacity\": [{\"from\": 0, \"to\": 1, \"start\": 0, \"length\": 2}]");
        Frame halfway = playback.frameAt(mp4, 1.0);
        Frame after = playback.frameAt(mp4, 3.0);

        assertThat(pixels(halfway, 0, 100, 320, 180, 128, 128, 128)).as("1 s: the text half grey")
                .isGreaterThan(50);
        assertThat(white(halfway)).as("1 s: no white text yet").isZero();
        assertThat(white(after)).as("3 s: the text white").isGreaterThan(100);
    }

    @Test
    void aTweenedRotationTurnsTheCaptionsAboutTheMiddleOfTheFrame() {
        Path mp4 = video(subtitles("whole-turn.srt", WHOLE), "",
                "\"transform\": {\"rotate\": {\"angle\": [{\"from\": 0, \"to\": 90, \"start\": 0, \"length\": 4}]}}");
        int[] level = columns(playback.frameAt(mp4, 0.1), 255, 255, 255);
        int[] upright = columns(playback.frameAt(mp4, 3.9), 255, 255, 255);

        // a line across the bottom at first; turned nearly 90 degrees clockwise, a column left of the middle
        assertThat(level[1] - level[0]).as("0.1 s: a wide line").isGreaterThan(100);
        assertThat(upright[1] - upright[0]).as("3.9 s: a narrow column").isLessThan(40);
        assertThat(upright[1]).as("3.9 s: left of the middle").isLessThan(160);
    }

    @Test
    void aFixedRotationAndAFlipTurnAndMirrorTheCaptionsAboutTheMiddleOfTheFrame() {
        Path turned = video(subtitles("whole-turned.srt", WHOLE), "", "\"transform\": {\"rotate\": {\"angle\": 90}}");
        Path flipped = video(subtitles("whole-flipped.srt", WHOLE), "", "\"transform\": {\"flip\": {\"vertical\": true}}");
        int[] upright = columns(playback.frameAt(turned, 1.0), 255, 255, 255);
        Frame mirrored = playback.frameAt(flipped, 1.0);

        assertThat(upright[1] - upright[0]).as("turned: a narrow column").isLessThan(40);
        assertThat(upright[1]).as("turned: left of the middle").isLessThan(160);
        assertThat(pixels(mirrored, 0, 90, 320, 180, 255, 255, 255)).as("flipped: nothing at the bottom").isZero();
        assertThat(pixels(mirrored, 0, 0, 320, 90, 255, 255, 255)).as("flipped: the text at the top")
                .isGreaterThan(100);
    }

    @Test
    void aTweenedScaleShrinksAPaintedRichCaptionAndAFadeInFadesIt() {
        String src = subtitles("whole-rich.srt", WHOLE);
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [{"clips": [
                   {"asset": {"type": "rich-caption", "src": "%s", %s, "style": {"letterSpacing": 2},
                              "align": {"vertical": "bottom"}},
                    "start": 0, "length": 4, "scale": [{"from": 1, "to": 0.5, "start": 0, "length": 4}]}]},
                   {"clips": [
                   {"asset": {"type": "rich-caption", "src": "%s", %s, "style": {"letterSpacing": 2},
                              "align": {"vertical": "top"}},
                    "start": 0, "length": 4, "transition": {"in": "fade"}}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(src, PLAIN_32, src, PLAIN_32)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");
        Frame early = playback.frameAt(mp4, 0.5);
        Frame late = playback.frameAt(mp4, 3.5);

        // the scaled caption is below the middle: its width at 0.9375 of its size, then at 0.5625
        int[] wide = whiteColumns(early, 90, 180);
        int[] narrow = whiteColumns(late, 90, 180);
        double ratio = (narrow[1] - narrow[0]) / (double) (wide[1] - wide[0]);
        assertThat(ratio).as("width at 3.5 s over width at 0.5 s (%s, %s)", wide[1] - wide[0], narrow[1] - narrow[0])
                .isBetween(0.52, 0.68);
        // the faded one is at the top: half strength at 0.5 s of its 1 s fade, whole after it
        assertThat(pixels(early, 0, 0, 320, 90, 128, 128, 128)).as("0.5 s: the top caption half grey")
                .isGreaterThan(50);
        assertThat(pixels(early, 0, 0, 320, 90, 255, 255, 255)).as("0.5 s: no white at the top").isZero();
        assertThat(pixels(late, 0, 0, 320, 90, 255, 255, 255)).as("3.5 s: the top caption white")
                .isGreaterThan(100);
    }

    /** The first and last columns with near-white pixels in rows {@code [top, bottom)}. */
    private static int[] whiteColumns(Frame frame, int top, int bottom) {
        int left = 320;
        int right = -1;
        for (int x = 0; x < 320; x++) {
            if (pixels(frame, x, top, x + 1, bottom, 255, 255, 255) > 0) {
                left = Math.min(left, x);
                right = x;
            }
        }
        return new int[] {left, right};
    }

    // ------------------------------------------------------------------ rich-caption (newest schema)

    /** One rich-caption clip (asset fields after src) lasting 4 s, as a PNG of the frame at {@code at}. */
    private static Frame richStill(String src, String assetMore, double at) {
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [{"clips": [
                   {"asset": {"type": "rich-caption", "src": "%s"%s}, "start": 0, "length": 4}]}]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}, "range": {"start": %s}}}
                """.formatted(src, assetMore.isEmpty() ? "" : ", " + assetMore, at)).render();
        return playback.frameAt(stack.download(render.path("url").asText(), "png"), 0);
    }

    /** Red pixels of a column range; the two words of {@link #TWO_WORDS} are as wide, so the gap is mid-frame. */
    private static int red(Frame frame, int x0, int x1) {
        return pixels(frame, x0, 0, x1, 180, 255, 0, 0);
    }

    private static int whiteIn(Frame frame, int x0, int x1) {
        return pixels(frame, x0, 0, x1, 180, 255, 255, 255);
    }

    /** Two words over 0-2 s, without word times: the first is spoken from 0 to 1 s, the second from 1 to 2 s. */
    private static final String TWO_WORDS = "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nMMMM MMMM\n";
    private static final String ACTIVE_RED = "\"font\": {\"size\": 32, \"color\": \"#ffffff\"},"
            + " \"active\": {\"font\": {\"color\": \"#ff0000\"}}";

    @Test
    void highlightDrawsTheSpokenWordInTheActiveColourAndTheOthersInTheirOwn() {
        String src = subtitles("two-words.vtt", TWO_WORDS);
        Frame first = richStill(src, ACTIVE_RED + ", \"animation\": {\"style\": \"highlight\"}", 0.5);
        Frame second = richStill(src, ACTIVE_RED + ", \"animation\": {\"style\": \"highlight\"}", 1.5);

        assertThat(red(first, 0, 155)).as("0.5 s: the first word (left) is red").isGreaterThan(50);
        assertThat(red(first, 165, 320)).as("0.5 s: the second word is not").isZero();
        assertThat(whiteIn(first, 165, 320)).as("0.5 s: the second word is white").isGreaterThan(50);
        assertThat(red(second, 165, 320)).as("1.5 s: the second word (right) is red").isGreaterThan(50);
        assertThat(red(second, 0, 155)).as("1.5 s: the first word is white again").isZero();
    }

    @Test
    void karaokeKeepsTheWordsSpokenSoFarInTheActiveColour() {
        String src = subtitles("two-words-karaoke.vtt", TWO_WORDS);
        Frame first = richStill(src, ACTIVE_RED + ", \"animation\": {\"style\": \"karaoke\"}", 0.5);
        Frame second = richStill(src, ACTIVE_RED + ", \"animation\": {\"style\": \"karaoke\"}", 1.5);

        assertThat(red(first, 165, 320)).as("0.5 s: the second word is not spoken yet").isZero();
        assertThat(red(first, 0, 155)).as("0.5 s: the first word is").isGreaterThan(50);
        assertThat(red(second, 0, 155)).as("1.5 s: the first word stays red").isGreaterThan(50);
        assertThat(red(second, 165, 320)).as("1.5 s: the second word is red too").isGreaterThan(50);
    }

    /** The first row (from the top) of a column range with a pixel near (r, g, b), or 180 if none. */
    private static int top(Frame frame, int x0, int x1, int r, int g, int b) {
        for (int y = 0; y < 180; y++) {
            if (pixels(frame, x0, y, x1, y + 1, r, g, b) > 0) {
                return y;
            }
        }
        return 180;
    }

    @Test
    void popDrawsTheSpokenWordLargerAndTypewriterShowsOnlyTheWordsSpokenSoFar() {
        String src = subtitles("two-words-pop.vtt", TWO_WORDS);
        Frame popped = richStill(src, ACTIVE_RED + ", \"animation\": {\"style\": \"pop\"}", 0.5);
        Frame plain = richStill(src, ACTIVE_RED + ", \"animation\": {\"style\": \"pop\"}", 1.5);
        Frame typedFirst = richStill(src, "\"font\": {\"size\": 32}, \"animation\": {\"style\": \"typewriter\"}",
                0.5);
        Frame typedBoth = richStill(src, "\"font\": {\"size\": 32}, \"animation\": {\"style\": \"typewriter\"}",
                1.5);

        assertThat(top(popped, 0, 155, 255, 0, 0)).as("the popped first word reaches higher than it does unpopped")
                .isLessThanOrEqualTo(top(plain, 0, 155, 255, 255, 255) - 3);
        assertThat(whiteIn(typedFirst, 0, 155)).as("typewriter, 0.5 s: the first word").isGreaterThan(50);
        assertThat(whiteIn(typedFirst, 165, 320)).as("typewriter, 0.5 s: not the second yet").isZero();
        assertThat(whiteIn(typedBoth, 165, 320)).as("typewriter, 1.5 s: the second word too").isGreaterThan(50);
        assertThat(whiteIn(typedBoth, 0, 155)).as("typewriter, 1.5 s: the first word stays").isGreaterThan(50);
    }

    @Test
    void aTtmlSourceIsDrawnAtItsParagraphsTimesInTheMiddleOfTheFrameByDefault() {
        String src = subtitles("one.ttml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <tt xmlns="http://www.w3.org/ns/ttml"><body><div>
                  <p begin="00:00:01.000" end="00:00:02.000">TTML TEXT</p>
                </div></body></tt>
                """);

        assertThat(white(richStill(src, "\"animation\": {\"style\": \"none\"}", 0.5))).as("before the paragraph")
                .isZero();
        Frame during = richStill(src, "\"animation\": {\"style\": \"none\"}", 1.5);
        assertThat(pixels(during, 0, 60, 320, 120, 255, 255, 255)).as("in the middle band").isGreaterThan(50);
        assertThat(pixels(during, 0, 120, 320, 180, 255, 255, 255)).as("not at the bottom").isZero();
    }

    @Test
    void aShadowIsDrawnBesideTheTextAndTheClipsPositionPlacesTheCaptions() {
        String src = subtitles("shadowed.vtt", TWO_WORDS);
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [{"clips": [
                   {"asset": {"type": "rich-caption", "src": "%s", "font": {"size": 32},
                              "shadow": {"offsetX": 3, "offsetY": 3, "color": "#00ff00", "opacity": 1},
                              "animation": {"style": "none"}},
                    "start": 0, "length": 4, "position": "top"}]}]},
                 "output": {"format": "png", "size": {"width": 320, "height": 180}, "range": {"start": 1}}}
                """.formatted(src)).render();
        Frame frame = playback.frameAt(stack.download(render.path("url").asText(), "png"), 0);

        assertThat(pixels(frame, 0, 0, 320, 60, 255, 255, 255)).as("white text at the top").isGreaterThan(100);
        assertThat(pixels(frame, 0, 0, 320, 60, 0, 255, 0)).as("its green shadow").isGreaterThan(50);
        assertThat(pixels(frame, 0, 60, 320, 180, 255, 255, 255)).as("nothing lower").isZero();
    }

    /** The leftmost and rightmost columns with a pixel near (r, g, b), or {320, -1} if none. */
    private static int[] columns(Frame frame, int r, int g, int b) {
        int left = 320;
        int right = -1;
        for (int x = 0; x < 320; x++) {
            if (pixels(frame, x, 0, x + 1, 180, r, g, b) > 0) {
                left = Math.min(left, x);
                right = x;
            }
        }
        return new int[] {left, right};
    }

    /**
     * The longest run of pixels more than half-way to (r, g, b) along any row: a line thinner than two pixels (the
     * default Roboto's underline is 1.6 px at 32 px) is anti-aliased over two rows, neither of them near the colour.
     */
    private static int longestRun(Frame frame, int r, int g, int b) {
        int longest = 0;
        for (int y = 0; y < 180; y++) {
            int run = 0;
            for (int x = 0; x < 320; x++) {
                run = frame.is(x, y, r, g, b, 127) ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        return longest;
    }

    private static final String PLAIN_32 = "\"font\": {\"size\": 32}, \"animation\": {\"style\": \"none\"}";

    @Test
    void letterSpacingWidensTheLineAndTextDecorationUnderlinesIt() {
        String src = subtitles("spaced.vtt", TWO_WORDS);
        int[] plain = columns(richStill(src, PLAIN_32, 0.5), 255, 255, 255);
        Frame spaced = richStill(src, PLAIN_32 + ", \"style\": {\"letterSpacing\": 6}", 0.5);
        Frame underlined = richStill(src, PLAIN_32 + ", \"style\": {\"textDecoration\": \"underline\"}", 0.5);

        int[] wide = columns(spaced, 255, 255, 255);
        // 8 letters and the space: 8 gaps of 6 pixels more
        assertThat(wide[1] - wide[0]).as("the spaced line is 48 px wider").isBetween(plain[1] - plain[0] + 44,
                plain[1] - plain[0] + 52);
        assertThat(longestRun(richStill(src, PLAIN_32, 0.5), 255, 255, 255)).as("letters alone: no long light row")
                .isLessThan(20);
        assertThat(longestRun(underlined, 255, 255, 255)).as("the underline: a light row as wide as a word")
                .isGreaterThan(60);
    }

    @Test
    void aGradientFillsTheTextFromItsFirstColourToItsLast() {
        String src = subtitles("gradient.vtt", TWO_WORDS);
        Frame frame = richStill(src, PLAIN_32 + ", \"style\": {\"gradient\": {\"angle\": 0, \"stops\": ["
                + "{\"offset\": 0, \"color\": \"#ff0000\"}, {\"offset\": 1, \"color\": \"#0000ff\"}]}}", 0.5);

        assertThat(pixels(frame, 0, 0, 110, 180, 255, 0, 0)).as("red at the left end").isGreaterThan(30);
        assertThat(pixels(frame, 210, 0, 320, 180, 0, 0, 255)).as("blue at the right end").isGreaterThan(30);
        assertThat(pixels(frame, 210, 0, 320, 180, 255, 0, 0)).as("no red at the right").isZero();
        assertThat(white(frame)).as("no white letters").isZero();
    }

    @Test
    void theActiveWordTakesItsOwnSizeAndWeight() {
        String src = subtitles("active-size.vtt", TWO_WORDS);
        String active = "\"font\": {\"size\": 32, \"color\": \"#ffffff\"}, \"active\": {\"font\": {\"color\": "
                + "\"#ff0000\", \"size\": 44, \"weight\": 700}}, \"animation\": {\"style\": \"highlight\"}";
        Frame first = richStill(src, active, 0.5);
        Frame plain = richStill(src, ACTIVE_RED + ", \"animation\": {\"style\": \"highlight\"}", 0.5);

        assertThat(top(first, 0, 155, 255, 0, 0)).as("the larger spoken word reaches higher than the other")
                .isLessThanOrEqualTo(top(first, 165, 320, 255, 255, 255) - 3);
        assertThat(red(first, 0, 155)).as("larger and bold: more red than the plain active word")
                .isGreaterThan(red(plain, 0, 155) * 3 / 2);
        assertThat(whiteIn(first, 0, 155)).as("the base word is not drawn beneath it").isZero();
    }

    @Test
    void aBlurredShadowSpreadsSoftlyAroundTheText() {
        String src = subtitles("blurred.vtt", TWO_WORDS);
        String shadow = PLAIN_32 + ", \"shadow\": {\"offsetX\": 0, \"offsetY\": 0, \"color\": \"#00ff00\","
                + " \"opacity\": 1%s}";
        Frame hard = richStill(src, shadow.formatted(""), 0.5);
        Frame soft = richStill(src, shadow.formatted(", \"blur\": 8"), 0.5);

        int hidden = pixels(hard, 0, 0, 320, 180, 0, 110, 0);
        assertThat(pixels(soft, 0, 0, 320, 180, 0, 110, 0)).as("blurred, a dim green halo where unblurred the"
                + " shadow hides under the text (%d such pixels)", hidden).isGreaterThan(Math.max(100, 4 * hidden));
    }

    @Test
    void aBorderAndUnequalPaddingShapeTheBox() {
        String src = subtitles("bordered.vtt", TWO_WORDS);
        Frame frame = richStill(src, PLAIN_32 + ", \"background\": {\"color\": \"#0000ff\"},"
                + " \"padding\": {\"left\": 30, \"right\": 4, \"top\": 4, \"bottom\": 4},"
                + " \"border\": {\"width\": 3, \"color\": \"#00ff00\"}", 0.5);
        int[] text = columns(frame, 255, 255, 255);
        int[] border = columns(frame, 0, 255, 0);

        assertThat(text[0] - border[0]).as("30 px of padding (and the border) on the left").isBetween(30, 36);
        assertThat(border[1] - text[1]).as("4 px on the right").isBetween(3, 9);
        assertThat(pixels(frame, 0, 0, 320, 180, 0, 255, 0)).as("a green border").isGreaterThan(200);
    }

    @Test
    void fadeAndSlideBringEachWordInAsItIsSpoken() {
        String src = subtitles("fading.vtt", TWO_WORDS);
        String fade = "\"font\": {\"size\": 32}, \"animation\": {\"style\": \"fade\"}";
        String slide = "\"font\": {\"size\": 32}, \"animation\": {\"style\": \"slide\", \"direction\": \"up\"}";

        assertThat(whiteIn(richStill(src, fade, 0.5), 165, 320)).as("0.5 s: the second word not yet").isZero();
        Frame entering = richStill(src, fade, 1.05);
        assertThat(whiteIn(entering, 165, 320)).as("1.05 s: the second word not opaque yet").isZero();
        assertThat(pixels(entering, 165, 0, 320, 180, 80, 80, 80)).as("but faintly there").isGreaterThan(30);
        assertThat(whiteIn(richStill(src, fade, 1.5), 165, 320)).as("1.5 s: opaque").isGreaterThan(50);
        assertThat(top(richStill(src, slide, 1.05), 165, 320, 80, 80, 80)).as("sliding up: still lower at 1.05 s")
                .isGreaterThanOrEqualTo(top(richStill(src, slide, 1.5), 165, 320, 255, 255, 255) + 3);
    }

    /** Columns of the frame with a pixel near white. */
    private static int inkedColumns(Frame frame) {
        int columns = 0;
        for (int x = 0; x < 320; x++) {
            columns += pixels(frame, x, 0, x + 1, 180, 255, 255, 255) > 0 ? 1 : 0;
        }
        return columns;
    }

    @Test
    void italicSlantsTheLetters() {
        String src = subtitles("italic.vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nllll\n");
        int upright = inkedColumns(richStill(src, "\"font\": {\"size\": 48}, \"animation\": {\"style\": \"none\"}",
                0.5));
        int slanted = inkedColumns(richStill(src, "\"font\": {\"size\": 48, \"style\": \"italic\"},"
                + " \"animation\": {\"style\": \"none\"}", 0.5));

        assertThat(slanted).as("slanted strokes cover more columns than upright ones (%d)", upright)
                .isGreaterThan(upright * 3 / 2);
    }

    /**
     * The newest contract's default family for rich captions is Roboto: without a family, the ink is as wide as
     * Roboto's own outlines make the text (AWT measuring the shipped file), 8 px or more off Liberation Sans's.
     */
    @Test
    void withoutAFamilyARichCaptionIsDrawnInRobotoTheContractsDefault() throws Exception {
        String src = subtitles("default-family.vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nWWW\n");
        Frame frame = richStill(src, "\"font\": {\"size\": 48}, \"animation\": {\"style\": \"none\"}", 0.5);

        int[] ink = columns(frame, 255, 255, 255);
        double roboto = inkWidth(FontFace.ROBOTO_REGULAR, "WWW");
        double liberation = inkWidth(FontFace.SANS_REGULAR, "WWW");
        assertThat(Math.abs(roboto - liberation)).as("the fonts tell apart").isGreaterThanOrEqualTo(8);
        assertThat((double) ink[1] - ink[0] + 1).as("the ink's width (Roboto: %.0f px, Liberation Sans: %.0f px)",
                roboto, liberation).isCloseTo(roboto, within(3.5));
    }

    /** The ink width of {@code text} at 48 px in a shipped face, as AWT measures the face's own file. */
    private static double inkWidth(FontFace face, String text) throws Exception {
        try (InputStream in = RenderCaptionsIT.class.getClassLoader().getResourceAsStream(face.resource())) {
            Font font = Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(48f);
            return font.createGlyphVector(new FontRenderContext(null, true, true), text).getVisualBounds().getWidth();
        }
    }

    @Test
    void theActiveWordTakesItsOwnOutlineAndNoneRemovesTheBaseShadow() {
        String src = subtitles("active-stroke.vtt", TWO_WORDS);
        Frame frame = richStill(src, "\"font\": {\"size\": 32}, \"shadow\": {\"offsetX\": 4, \"offsetY\": 4,"
                + " \"color\": \"#0000ff\", \"opacity\": 1}, \"active\": {\"stroke\": {\"width\": 3,"
                + " \"color\": \"#00ff00\"}, \"shadow\": \"none\"}, \"animation\": {\"style\": \"highlight\"}", 0.5);

        assertThat(pixels(frame, 0, 0, 155, 180, 0, 255, 0)).as("the spoken word outlined in green").isGreaterThan(50);
        assertThat(pixels(frame, 0, 0, 155, 180, 0, 0, 255)).as("without the blue shadow").isZero();
        assertThat(pixels(frame, 165, 0, 320, 180, 0, 0, 255)).as("the other word keeps it").isGreaterThan(50);
        assertThat(pixels(frame, 165, 0, 320, 180, 0, 255, 0)).as("and has no outline").isZero();
    }

    /** The rightmost column with a pixel brighter than 80 (the text is white, its entrance partly transparent). */
    private static int rightmostLit(Frame frame) {
        for (int x = 319; x >= 0; x--) {
            for (int y = 0; y < 180; y++) {
                if (frame.red(x, y) > 80) {
                    return x;
                }
            }
        }
        return -1;
    }

    @Test
    void bounceGrowsEachWordIntoPlaceAsItIsSpoken() {
        String src = subtitles("bouncing.vtt", TWO_WORDS);
        String bounce = "\"font\": {\"size\": 32}, \"animation\": {\"style\": \"bounce\"}";
        Frame growing = richStill(src, bounce, 1.05);
        Frame grown = richStill(src, bounce, 1.5);

        assertThat(rightmostLit(growing)).as("1.05 s: the second word shows").isGreaterThan(165);
        assertThat(rightmostLit(grown) - rightmostLit(growing))
                .as("but smaller: its right edge short of where it ends up").isGreaterThan(5);
    }

    @Test
    void inAVideoPaintedCaptionsComeAndGoAndTheirWordsChangeAtTheirTimes() {
        JsonNode render = stack.render(Environment.V1, """
                {"timeline": {"background": "#000000", "tracks": [{"clips": [
                   {"asset": {"type": "rich-caption", "src": "%s", "font": {"size": 28, "color": "#ffffff"},
                              "style": {"letterSpacing": 2}, "background": {"color": "#0000ff"}, "padding": 6,
                              "active": {"font": {"color": "#ff0000"}}, "animation": {"style": "highlight"}},
                    "start": 0, "length": 4}]}]},
                 "output": {"format": "mp4", "size": {"width": 320, "height": 180}}}
                """.formatted(srt)).render();
        Path mp4 = stack.download(render.path("url").asText(), "mp4");

        assertThat(pixels(playback.frameAt(mp4, 0.2), 0, 0, 320, 180, 0, 0, 255)).as("before the first cue").isZero();
        Frame hello = playback.frameAt(mp4, 0.75);
        Frame there = playback.frameAt(mp4, 1.25);
        assertThat(red(hello, 0, 160)).as("0.75 s: HELLO spoken, in red").isGreaterThan(30);
        assertThat(red(hello, 160, 320)).as("0.75 s: THERE not yet").isLessThan(5);
        assertThat(red(there, 160, 320)).as("1.25 s: THERE spoken").isGreaterThan(30);
        assertThat(red(there, 0, 160)).as("1.25 s: HELLO white again").isLessThan(5);
        assertThat(pixels(playback.frameAt(mp4, 2.0), 0, 0, 320, 180, 0, 0, 255)).as("no box between the cues")
                .isZero();
        assertThat(pixels(playback.frameAt(mp4, 3.0), 0, 0, 320, 180, 0, 0, 255)).as("the second cue's box")
                .isGreaterThan(200);
        assertThat(pixels(playback.frameAt(mp4, 3.8), 0, 0, 320, 180, 0, 0, 255)).as("after it").isZero();
    }

    @Test
    void sourcesThatWouldNeedSpeechRecognitionAreRefusedNamingTheSource() {
        for (String src : new String[] {"alias://speech", "https://example.com/talk.mp4"}) {
            var response = stack.api().post("/edit/" + Environment.V1.pathName() + "/render",
                    stack.key(Environment.V1), """
                            {"timeline": {"tracks": [{"clips": [
                               {"asset": {"type": "rich-caption", "src": "%s"}, "start": 0, "length": 4}]}]},
                             "output": {"format": "mp4", "resolution": "preview"}}
                            """.formatted(src));

            assertThat(response.status()).as("%s: %s", src, response.body()).isEqualTo(400);
            assertThat(response.body().path("response").asText()).as(src)
                    .contains("timeline.tracks[0].clips[0].asset.src").contains("speech recognition");
        }
    }
}
