package dev.reelforge.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe;
import dev.reelforge.media.BundledFfmpeg;
import dev.reelforge.media.FfmpegMediaProbe;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AacEncoderTest {

    @TempDir
    Path directory;

    @Test
    void anEncodedTrackIsAnAacStreamOfTheTracksLength() {
        Path ffmpeg = BundledFfmpeg.extractTo(directory.resolve("bin"));
        Path m4a = directory.resolve("track.m4a");
        new AacEncoder(ffmpeg).encode(new Synthesiser().play(TrackScores.of("rf-sunrise-walk").orElseThrow(), 45),
                m4a);
        MediaProbe.ProbeResult probed = new FfmpegMediaProbe(ffmpeg, Duration.ofSeconds(30)).probe(m4a);
        assertThat(probed).isInstanceOf(MediaProbe.ProbeResult.Probed.class);
        MediaInfo info = ((MediaProbe.ProbeResult.Probed) probed).info();
        assertThat(info.audio()).isPresent();
        assertThat(info.video()).isEmpty();
        assertThat(info.duration().orElseThrow()).isCloseTo(45.0, org.assertj.core.data.Offset.offset(0.05));
    }
}
