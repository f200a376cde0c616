package dev.reelforge.local.bench;

import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.local.media.LoopbackFileServer;
import dev.reelforge.local.media.SampleMedia;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The newer parts of the edit schema together: burned-in captions, a luma wipe and a tweened overlay.
 *
 * <pre>
 * 0 s            14 s 16 s              30 s
 * | captions: ten cues of 2.5 s, one every 3 s, in a translucent box     |  track 0
 *     | badge, sliding in (offset.x tween) and fading in (opacity tween) |  track 1: 2 s to 28 s
 *                | luma |  clip B                |  track 2: B wiped in over A by a 2 s luma matte
 * | clip A            |                                                     track 3
 * | soundtrack, fadeInFadeOut, mixed with the clips' own sound            |
 * </pre>
 *
 * <p>The baseline draws each cue's box and line where the pipeline's documented caption layout puts them, measured
 * with the same font at the same size ({@link #captionPlace}), so that the SSIM against it compares the picture,
 * not two ways of placing a caption.
 */
record OverlaysScenario() implements RenderScenario {

    /** The cues: the i-th from 3i to 3i + 2.5 s. */
    static final int CUES = 10;
    static final int CAPTION_SIZE = 36;
    static final int CAPTION_PADDING = 8;
    /** Kept clear below a caption's box, as a fraction of the frame height (the pipeline's caption layout). */
    static final double CAPTION_EDGE = 0.04;
    static final int BADGE = 200;

    @Override
    public String name() {
        return "overlays";
    }

    @Override
    public List<String> describe() {
        return List.of("captions (an SRT of ten cues, 36 px in a translucent box) over it all; a 200 px badge at the top"
                        + " right 2-28 s, its offset.x and opacity tweened; clip B (14-30 s) wiped in over clip A",
                "(0-16 s) by a 2 s luma video; soundtrack fadeInFadeOut",
                "sources: 2 x H.264/AAC 1280x720 testsrc2 of 16 s, a luma wipe MP4, a PNG, an SRT, a 40 s MP3");
    }

    @Override
    public List<Path> makeSources(SampleMedia media) {
        return List.of(
                media.video("overlay-a.mp4", WIDTH, HEIGHT, 16, 440),
                media.video("overlay-b.mp4", WIDTH, HEIGHT, 16, 550),
                media.lumaWipe("wipe.mp4", WIDTH, HEIGHT, 2),
                media.picture("badge.png", 3, BADGE, BADGE),
                media.text("captions.srt", srt()),
                media.tone("music.mp3", 220, 40));
    }

    @Override
    public String edit(LoopbackFileServer files) {
        return """
                {
                  "timeline": {
                    "background": "#000000",
                    "soundtrack": {"src": "%s", "effect": "fadeInFadeOut"},
                    "tracks": [
                      {"clips": [
                        {"asset": {"type": "caption", "src": "%s", "font": {"size": %d},
                                   "background": {"color": "#000000", "opacity": 0.6, "padding": %d}},
                         "start": 0, "length": 30}
                      ]},
                      {"clips": [
                        {"asset": {"type": "image", "src": "%s"}, "start": 2, "length": 26, "fit": "none",
                         "position": "topRight",
                         "offset": {"x": [{"from": 0.4, "to": -0.04, "start": 0, "length": 1.2}], "y": -0.05},
                         "opacity": [{"from": 0, "to": 1, "start": 0, "length": 0.8}]}
                      ]},
                      {"clips": [
                        {"asset": {"type": "luma", "src": "%s"}, "start": 14, "length": 2},
                        {"asset": {"type": "video", "src": "%s"}, "start": 14, "length": 16}
                      ]},
                      {"clips": [
                        {"asset": {"type": "video", "src": "%s"}, "start": 0, "length": 16}
                      ]}
                    ]
                  },
                  "output": {"format": "mp4", "resolution": "hd"}
                }
                """.formatted(files.url("music.mp3"), files.url("captions.srt"), CAPTION_SIZE, CAPTION_PADDING,
                files.url("badge.png"), files.url("wipe.mp4"), files.url("overlay-b.mp4"),
                files.url("overlay-a.mp4"));
    }

    /** A black canvas, the two clips, the matte, the badge looped, the soundtrack's first 30 s. */
    @Override
    public List<String> baselineInputs(Path media) {
        return List.of(
                "-f", "lavfi", "-i", "color=c=black:s=" + WIDTH + "x" + HEIGHT + ":r=" + FPS + ":d=30",
                "-t", "16", "-i", RenderScenario.file(media, "overlay-a.mp4"),
                "-t", "16", "-i", RenderScenario.file(media, "overlay-b.mp4"),
                "-i", RenderScenario.file(media, "wipe.mp4"),
                "-loop", "1", "-framerate", "25", "-t", "26", "-i", RenderScenario.file(media, "badge.png"),
                "-t", "30", "-i", RenderScenario.file(media, "music.mp3"));
    }

    @Override
    public Map<String, String> baselineFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < CUES; i++) {
            files.put("cue-" + i + ".txt", cueText(i));
        }
        return files;
    }

    /**
     * The graph one would write for this edit: clip A on the canvas until 16 s; clip B from 14 s with the matte,
     * inverted (white hides) and held black after its 2 s, as its alpha; the badge faded in and slid from 0.4 to
     * -0.04 of the width off the right edge over 1.2 s, 5%% of the height down; each cue a {@code drawbox} and a
     * {@code drawtext} placed by the pipeline's documented caption layout ({@link #captionPlace}); the sounds
     * delayed to where they play and summed.
     */
    @Override
    public String baselineGraph(String fontFile) {
        Font font = captionFont();
        StringBuilder captions = new StringBuilder();
        for (int i = 0; i < CUES; i++) {
            CaptionPlace place = captionPlace(cueText(i), font);
            String shown = String.format(Locale.ROOT, "enable='between(t,%d,%.1f)'", 3 * i, 3 * i + 2.5);
            captions.append(String.format(Locale.ROOT, ",drawbox=x=%d:y=%d:w=%d:h=%d:color=black@0.6:t=fill:%s",
                    place.boxX(), place.boxY(), place.boxWidth(), place.boxHeight(), shown));
            // drawtext's ascent is how far its text reaches above its baseline: y puts that on the row, as the
            // pipeline's drawtext slots do
            captions.append(String.format(Locale.ROOT, ",drawtext=fontfile=%s:textfile=cue-%d.txt:fontsize=%d:"
                    + "fontcolor=white:x=%d:y=%d-ascent:%s", fontFile, i, CAPTION_SIZE, place.textX(),
                    place.baseline(), shown));
        }
        return """
                [1:v]setpts=PTS-STARTPTS[a];
                [3:v]format=gray,negate,tpad=stop_mode=clone:stop_duration=14,setpts=PTS-STARTPTS[m];
                [2:v]setpts=PTS-STARTPTS,format=yuva420p[b0];
                [b0][m]alphamerge,setpts=PTS+14/TB[b];
                [4:v]format=yuva420p,fade=t=in:st=0:d=0.8:alpha=1,setpts=PTS+2/TB[badge];
                [0:v][a]overlay=eof_action=pass[va];
                [va][b]overlay=eof_action=pass[vb];
                [vb][badge]overlay=x='W-w+W*(0.4-0.44*clip((t-2)/1.2,0,1))':y='H*0.05':eof_action=pass%s[v];
                [1:a]pan=stereo|c0=c0|c1=c0,aresample=48000[sa];
                [2:a]pan=stereo|c0=c0|c1=c0,aresample=48000,adelay=14000:all=1[sb];
                [5:a]pan=stereo|c0=c0|c1=c0,aresample=48000,afade=t=in:st=0:d=2,afade=t=out:st=28:d=2[sm];
                [sa][sb][sm]amix=inputs=3:duration=longest:dropout_transition=0:normalize=0,\
                apad=whole_dur=30,atrim=end=30[s]
                """.formatted(captions);
    }

    /** Where a one-line cue goes: its box, and the left end of its text's baseline. */
    record CaptionPlace(int boxX, int boxY, int boxWidth, int boxHeight, int textX, int baseline) {}

    /**
     * The pipeline's caption layout (CaptionLayerFilters) for a line that needs no wrapping: the box holds the
     * line's advance width and the font's ascent plus descent, {@link #CAPTION_PADDING} on every side, centred,
     * its bottom {@link #CAPTION_EDGE} of the frame height above the bottom edge; the line centred in it, its
     * baseline the padding plus the ascent below the box's top. Rounded as the pipeline rounds.
     */
    static CaptionPlace captionPlace(String line, Font font) {
        // fractional metrics: the unhinted advances and the ascent and descent of the font's own tables (hmtx,
        // hhea), which the pipeline measures with (TrueTypeMetrics)
        FontRenderContext measuring = new FontRenderContext(null, true, true);
        double width = font.getStringBounds(line, measuring).getWidth();
        LineMetrics metrics = font.getLineMetrics(line, measuring);
        int boxWidth = (int) Math.ceil(width) + 2 * CAPTION_PADDING;
        int boxHeight = (int) Math.ceil(metrics.getAscent() + metrics.getDescent()) + 2 * CAPTION_PADDING;
        int boxX = (int) Math.round((WIDTH - boxWidth) / 2.0);
        int boxY = (int) Math.round(HEIGHT - CAPTION_EDGE * HEIGHT - boxHeight);
        int textX = (int) Math.round(boxX + CAPTION_PADDING + (boxWidth - 2 * CAPTION_PADDING - width) / 2);
        int baseline = (int) Math.round(boxY + CAPTION_PADDING + metrics.getAscent());
        return new CaptionPlace(boxX, boxY, boxWidth, boxHeight, textX, baseline);
    }

    /** The captions' face (the default family's regular: Liberation Sans) at their size, from the same TTF. */
    static Font captionFont() {
        String resource = FontFace.SANS_REGULAR.resource();
        try (InputStream in = OverlaysScenario.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the classpath has no " + resource);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont((float) CAPTION_SIZE);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot read the font " + resource, e);
        }
    }

    private static String cueText(int i) {
        return "Caption " + (i + 1) + " of " + CUES + ": burned in over the picture";
    }

    private static String srt() {
        List<String> cues = new ArrayList<>();
        for (int i = 0; i < CUES; i++) {
            cues.add((i + 1) + "\n" + time(3 * i) + " --> " + time(3 * i + 2.5) + "\n" + cueText(i) + "\n");
        }
        return String.join("\n", cues);
    }

    private static String time(double seconds) {
        int millis = (int) Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "00:%02d:%02d,%03d", millis / 60_000, millis / 1000 % 60, millis % 1000);
    }
}
