package dev.reelforge.local.bench;

import dev.reelforge.local.media.LoopbackFileServer;
import dev.reelforge.local.media.SampleMedia;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The edit {@code bench render} was built for, where compositing dominates: a zoom on a still, fades on every
 * clip, a title, a soundtrack mixed with the clips' sound.
 *
 * <pre>
 * 0 s        8 s        16 s      22 s       30 s
 * | clip A   | clip B   | image   | clip C   |   track 1: fade in and out on each (1 s), image zoomIn
 *   | title |                                    track 0: 1 s to 7 s, fades in and out (1 s)
 * | soundtrack, 30 s of a 40 s MP3, fadeInFadeOut (2 s) |  mixed with the clips' own sound
 * </pre>
 */
record CompositingScenario() implements RenderScenario {

    static final String TITLE = "Reelforge render bench";

    @Override
    public String name() {
        return "compositing";
    }

    @Override
    public List<String> describe() {
        return List.of("clips A (0-8 s), B (trim 2, 8-16 s), image zoomIn (16-22 s), C (22-30 s), all fading in and"
                + " out; title 1-7 s on the top track; soundtrack fadeInFadeOut",
                "sources: 3 x H.264/AAC 1280x720 testsrc2 of 10-12 s, a PNG, a 40 s MP3");
    }

    /** The source files, made with ffmpeg's test sources. */
    @Override
    public List<Path> makeSources(SampleMedia media) {
        return List.of(
                media.video("clip-a.mp4", WIDTH, HEIGHT, 11, 440),
                media.video("clip-b.mp4", WIDTH, HEIGHT, 12, 550),
                media.video("clip-c.mp4", WIDTH, HEIGHT, 10, 660),
                media.image("still.png", "0x3366cc", WIDTH, HEIGHT),
                media.tone("music.mp3", 220, 40));
    }

    /** The edit, its sources on the loopback file server; v1, so no watermark; no poster or thumbnail. */
    @Override
    public String edit(LoopbackFileServer files) {
        return """
                {
                  "timeline": {
                    "background": "#000000",
                    "soundtrack": {"src": "%s", "effect": "fadeInFadeOut"},
                    "tracks": [
                      {"clips": [
                        {"asset": {"type": "title", "text": "%s", "style": "minimal", "size": "large"},
                         "start": 1, "length": 6, "transition": {"in": "fade", "out": "fade"}}
                      ]},
                      {"clips": [
                        {"asset": {"type": "video", "src": "%s"},
                         "start": 0, "length": 8, "transition": {"in": "fade", "out": "fade"}},
                        {"asset": {"type": "video", "src": "%s", "trim": 2},
                         "start": 8, "length": 8, "transition": {"in": "fade", "out": "fade"}},
                        {"asset": {"type": "image", "src": "%s"},
                         "start": 16, "length": 6, "effect": "zoomIn", "transition": {"in": "fade", "out": "fade"}},
                        {"asset": {"type": "video", "src": "%s"},
                         "start": 22, "length": 8, "transition": {"in": "fade", "out": "fade"}}
                      ]}
                    ]
                  },
                  "output": {"format": "mp4", "resolution": "hd"}
                }
                """.formatted(files.url("music.mp3"), TITLE, files.url("clip-a.mp4"), files.url("clip-b.mp4"),
                files.url("still.png"), files.url("clip-c.mp4"));
    }

    /**
     * The baseline's inputs, in the order the graph numbers them: each clip read for the 8 s it shows (clip B
     * from 2 s), the image looped for its 6 s at 25 fps, the soundtrack's first 30 s.
     */
    @Override
    public List<String> baselineInputs(Path media) {
        return List.of(
                "-t", "8", "-i", RenderScenario.file(media, "clip-a.mp4"),
                "-ss", "2", "-t", "8", "-i", RenderScenario.file(media, "clip-b.mp4"),
                "-loop", "1", "-framerate", "25", "-t", "6", "-i", RenderScenario.file(media, "still.png"),
                "-t", "8", "-i", RenderScenario.file(media, "clip-c.mp4"),
                "-t", "30", "-i", RenderScenario.file(media, "music.mp3"));
    }

    /**
     * The baseline's filtergraph, as one would write it for this edit: the four pictures of track 1 faded to
     * and from black and concatenated, the image zoomed 1 to 1.3x about its centre (per-frame scale, centred
     * crop), the title drawn over them with its alpha faded; the clips' sound delayed to where they play, the
     * soundtrack faded in and out, all summed (mono sources on both channels at full level) and cut to 30 s.
     * Paths are relative to the directory ffmpeg runs in: {@code title.txt} and the Liberation Sans TTF the
     * pipeline draws titles with, in {@code fonts/}.
     */
    @Override
    public Map<String, String> baselineFiles() {
        return Map.of("title.txt", TITLE);
    }

    @Override
    public String baselineGraph(String fontFile) {
        return """
                [0:v]setpts=PTS-STARTPTS,fade=t=in:st=0:d=1,fade=t=out:st=7:d=1[a];
                [1:v]setpts=PTS-STARTPTS,fade=t=in:st=0:d=1,fade=t=out:st=7:d=1[b];
                [2:v]format=yuv420p,scale=w='2*trunc(1280*(1+0.3*t/6)/2)':h='2*trunc(720*(1+0.3*t/6)/2)':eval=frame,\
                crop=1280:720,setsar=1,fade=t=in:st=0:d=1,fade=t=out:st=5:d=1[i];
                [3:v]setpts=PTS-STARTPTS,fade=t=in:st=0:d=1,fade=t=out:st=7:d=1[c];
                [a][b][i][c]concat=n=4:v=1:a=0,\
                drawtext=fontfile=%s:textfile=title.txt:fontsize=72:fontcolor=white:x=(w-text_w)/2:y=(h-text_h)/2:\
                alpha='clip(t-1,0,1)*(1-clip(t-6,0,1))':enable='between(t,1,7)'[v];
                [0:a]pan=stereo|c0=c0|c1=c0,aresample=48000[sa];
                [1:a]pan=stereo|c0=c0|c1=c0,aresample=48000,adelay=8000:all=1[sb];
                [3:a]pan=stereo|c0=c0|c1=c0,aresample=48000,adelay=22000:all=1[sc];
                [4:a]pan=stereo|c0=c0|c1=c0,aresample=48000,afade=t=in:st=0:d=2,afade=t=out:st=28:d=2[sm];
                [sa][sb][sc][sm]amix=inputs=4:duration=longest:dropout_transition=0:normalize=0,\
                apad=whole_dur=30,atrim=end=30[s]
                """.formatted(fontFile);
    }
}
