package dev.reelforge.local.bench;

import dev.reelforge.local.media.LoopbackFileServer;
import dev.reelforge.local.media.SampleMedia;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An edit {@code bench render} renders, written twice by hand: once as the Edit API edit the pipeline gets, once
 * as the single ffmpeg command of the baseline. The two are kept next to each other in each implementation so
 * that they can be read against each other line by line. Every scenario is 30 s of 720p at 25 fps, encoded at
 * the same final settings.
 */
sealed interface RenderScenario permits CompositingScenario, OverlaysScenario, CutsScenario {

    /** Seconds of output. */
    double DURATION = 30;
    int WIDTH = 1280;
    int HEIGHT = 720;
    int FPS = 25;

    /**
     * The final encode at quality {@code medium}, as the MediaConvert emulator runs it for the job
     * MediaConvertEncoder writes: QVBR level 7 is CRF 23 at preset veryfast, HIGH profile, the peak bitrate
     * 1280 x 720 x 3.0 bits per pixel per second = 2,765,000 (rounded to 1000) with a 2x VBV buffer; AAC
     * 128 kbit/s, 48 kHz stereo; moov at the front. The bench checks these against the command the emulator
     * really ran.
     */
    List<String> FINAL_ENCODE = List.of(
            "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-crf", "23",
            "-maxrate", "2765000", "-bufsize", "5530000", "-pix_fmt", "yuv420p",
            "-c:a", "aac", "-b:a", "128000", "-ar", "48000", "-ac", "2",
            "-movflags", "+faststart", "-f", "mp4");

    /** Every scenario, in the order {@code bench render} runs them. */
    static List<RenderScenario> all() {
        return List.of(new CompositingScenario(), new OverlaysScenario(), new CutsScenario());
    }

    /** The name {@code --edit} picks it by. */
    String name();

    /** What the edit and its sources are, in a line or two each, for the report's header. */
    List<String> describe();

    /** Makes the source files (in the directory the loopback file server serves). */
    List<Path> makeSources(SampleMedia media);

    /** The edit, its sources on the loopback file server; v1, so no watermark; no poster or thumbnail. */
    String edit(LoopbackFileServer files);

    /** The baseline's inputs, read from the directory the sources were made in. */
    List<String> baselineInputs(Path media);

    /** Text files the baseline's graph reads, by name, written into the directory ffmpeg runs in. */
    Map<String, String> baselineFiles();

    /**
     * The baseline's filtergraph; {@code fontFile} is the Liberation Sans TTF the pipeline draws titles with,
     * relative to the directory ffmpeg runs in.
     */
    String baselineGraph(String fontFile);

    static String file(Path media, String name) {
        return "file:" + media.resolve(name).toAbsolutePath();
    }
}
