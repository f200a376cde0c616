package dev.reelforge.core.upload;

import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.core.media.StillDecoder;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A stand-in for ffmpeg's probe (and its decoding of stills) answering what a test says, for the core's unit tests (UploadsIT probes real files
 * with ffmpeg). It counts its calls: a file refused by its first bytes must never reach the probe.
 */
final class ScriptedProbe implements MediaProbe, StillDecoder {

    private ProbeResult answer;
    private Optional<String> decodeFailure = Optional.empty();
    int calls;
    int decodes;

    ScriptedProbe answering(ProbeResult answer) {
        this.answer = answer;
        return this;
    }

    ScriptedProbe failingToDecode(String reason) {
        this.decodeFailure = Optional.of(reason);
        return this;
    }

    static ProbeResult image(int width, int height, String codec) {
        return new ProbeResult.Probed(new MediaInfo(OptionalDouble.empty(),
                Optional.of(new MediaInfo.VideoStream(width, height, 25, codec)), Optional.empty(), 1));
    }

    static ProbeResult sound(double seconds) {
        return new ProbeResult.Probed(new MediaInfo(OptionalDouble.of(seconds), Optional.empty(),
                Optional.of(new MediaInfo.AudioStream(44100, 2, "mp3")), 1));
    }

    @Override
    public ProbeResult probe(Path file) {
        calls++;
        return answer;
    }

    @Override
    public Optional<String> failure(Path image) {
        decodes++;
        return decodeFailure;
    }
}
