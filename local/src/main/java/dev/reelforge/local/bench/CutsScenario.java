package dev.reelforge.local.bench;

import dev.reelforge.local.media.LoopbackFileServer;
import dev.reelforge.local.media.SampleMedia;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The edit least favourable to a two-pass render (issue 15): trims of two sources cut together, two of the four
 * shots fading in from black, a music bed under the clips' own sound. Compositing is next to nothing, so the
 * encode is nearly all of the work, and the pipeline encodes twice.
 *
 * <pre>
 * 0 s        8 s       15 s        23 s       30 s
 * | A from 1 | B from 4 | A from 10 | B from 12 |   one track: cuts at 8, 15 and 23 s; the 1st and 3rd fade in (1 s)
 * | soundtrack at volume 0.5, fadeInFadeOut (2 s), mixed with the clips' own sound  |
 * </pre>
 */
record CutsScenario() implements RenderScenario {

    /** The bed's level under the clips' sound. */
    static final double BED_VOLUME = 0.5;

    /** One shot: a trim of a source, where it plays, whether it fades in. */
    record Shot(String source, double trim, double start, double length, boolean fadesIn) {}

    /** The shots in timeline order; each starts where the one before ends, so there are three cuts. */
    static final List<Shot> SHOTS = List.of(
            new Shot("cuts-a.mp4", 1, 0, 8, true),
            new Shot("cuts-b.mp4", 4, 8, 7, false),
            new Shot("cuts-a.mp4", 10, 15, 8, true),
            new Shot("cuts-b.mp4", 12, 23, 7, false));

    @Override
    public String name() {
        return "cuts";
    }

    @Override
    public List<String> describe() {
        return List.of("four trims of two sources cut together: A from 1 s (0-8 s, fades in), B from 4 s (8-15 s),"
                        + " A from 10 s (15-23 s, fades in), B from 12 s (23-30 s); soundtrack at volume 0.5,"
                        + " fadeInFadeOut, under the clips' sound",
                "sources: 2 x H.264/AAC 1280x720 testsrc2 of 20 s, a 40 s MP3");
    }

    @Override
    public List<Path> makeSources(SampleMedia media) {
        return List.of(
                media.video("cuts-a.mp4", WIDTH, HEIGHT, 20, 330),
                media.video("cuts-b.mp4", WIDTH, HEIGHT, 20, 770),
                media.tone("music.mp3", 220, 40));
    }

    @Override
    public String edit(LoopbackFileServer files) {
        StringBuilder clips = new StringBuilder();
        for (Shot shot : SHOTS) {
            if (!clips.isEmpty()) {
                clips.append(",\n");
            }
            clips.append("""
                    {"asset": {"type": "video", "src": "%s", "trim": %s}, "start": %s, "length": %s%s}"""
                    .formatted(files.url(shot.source()), number(shot.trim()), number(shot.start()),
                            number(shot.length()), shot.fadesIn() ? ", \"transition\": {\"in\": \"fade\"}" : ""));
        }
        return """
                {
                  "timeline": {
                    "background": "#000000",
                    "soundtrack": {"src": "%s", "effect": "fadeInFadeOut", "volume": %s},
                    "tracks": [
                      {"clips": [
                %s
                      ]}
                    ]
                  },
                  "output": {"format": "mp4", "resolution": "hd"}
                }
                """.formatted(files.url("music.mp3"), number(BED_VOLUME), clips);
    }

    /** Each shot read from its trim for its length (two inputs per source), then the soundtrack's first 30 s. */
    @Override
    public List<String> baselineInputs(Path media) {
        List<String> inputs = new ArrayList<>();
        for (Shot shot : SHOTS) {
            inputs.addAll(List.of("-ss", number(shot.trim()), "-t", number(shot.length()), "-i",
                    RenderScenario.file(media, shot.source())));
        }
        inputs.addAll(List.of("-t", "30", "-i", RenderScenario.file(media, "music.mp3")));
        return List.copyOf(inputs);
    }

    @Override
    public Map<String, String> baselineFiles() {
        return Map.of();
    }

    /**
     * The graph one would write for cuts: each shot's picture, faded in from black where the edit says so, and
     * its sound concatenated in order; the clips' sound (mono on both channels at full level) summed with the
     * bed, set to its volume and faded 2 s in and out, without normalisation, cut to 30 s.
     */
    @Override
    public String baselineGraph(String fontFile) {
        StringBuilder graph = new StringBuilder();
        StringBuilder segments = new StringBuilder();
        for (int i = 0; i < SHOTS.size(); i++) {
            graph.append("[").append(i).append(":v]setpts=PTS-STARTPTS")
                    .append(SHOTS.get(i).fadesIn() ? ",fade=t=in:st=0:d=1" : "").append("[v").append(i).append("];\n");
            graph.append("[").append(i).append(":a]asetpts=PTS-STARTPTS[a").append(i).append("];\n");
            segments.append("[v").append(i).append("][a").append(i).append("]");
        }
        int music = SHOTS.size();
        graph.append(segments).append("concat=n=").append(SHOTS.size()).append(":v=1:a=1[v][clips];\n");
        graph.append("[clips]pan=stereo|c0=c0|c1=c0,aresample=48000[sc];\n");
        graph.append("[").append(music).append(":a]pan=stereo|c0=c0|c1=c0,aresample=48000,volume=")
                .append(number(BED_VOLUME)).append(",afade=t=in:st=0:d=2,afade=t=out:st=28:d=2[sm];\n");
        graph.append("[sc][sm]amix=inputs=2:duration=longest:dropout_transition=0:normalize=0,")
                .append("apad=whole_dur=30,atrim=end=30[s]\n");
        return graph.toString();
    }

    /** 8 as "8", 0.5 as "0.5": as one writes them in JSON and on a command line. */
    static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
