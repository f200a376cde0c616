package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe.ProbeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FLVs of MP4s, as the FLV downloads make them: streams copied when FLV holds them, re-encoded when not. */
class FfmpegFlvRemuxerTest {

    @TempDir
    Path directory;

    private final FfmpegFlvRemuxer remuxer = new FfmpegFlvRemuxer(TestFfmpeg.EXECUTABLE, Duration.ofSeconds(60));
    private final FfmpegMediaProbe probe = new FfmpegMediaProbe(TestFfmpeg.EXECUTABLE, Duration.ofSeconds(30));

    private Path make(String name, String... arguments) {
        Path file = directory.resolve(name);
        String[] command = new String[arguments.length + 1];
        System.arraycopy(arguments, 0, command, 0, arguments.length);
        command[arguments.length] = file.toString();
        TestFfmpeg.run(command);
        return file;
    }

    private MediaInfo probed(Path file) {
        ProbeResult result = probe.probe(file);
        assertThat(result).as("%s is readable media", file).isInstanceOf(ProbeResult.Probed.class);
        return ((ProbeResult.Probed) result).info();
    }

    private String container(Path file) {
        // ffmpeg with an input and no output describes the input, then exits 1
        return new FfmpegProcess(TestFfmpeg.EXECUTABLE, Duration.ofSeconds(30), 1 << 20)
                .run(List.of("-hide_banner", "-nostdin", "-i", file.toString()), null).stderr();
    }

    @Test
    void anH264AndAacMp4IsCopiedIntoAnFlvOfTheSameStreamsAndDuration() {
        Path mp4 = make("render: 1.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25", "-f", "lavfi",
                "-i", "sine=sample_rate=48000", "-t", "3", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "2");
        Path flv = directory.resolve("download.flv");

        FfmpegFlvRemuxer.Outcome outcome = remuxer.remux(mp4, flv);

        assertThat(outcome).isEqualTo(new FfmpegFlvRemuxer.Outcome.Made(true, true));
        assertThat(container(flv)).contains("Input #0, flv, from");
        MediaInfo source = probed(mp4);
        MediaInfo made = probed(flv);
        assertThat(made.video()).contains(new MediaInfo.VideoStream(320, 180, 25, "h264"));
        assertThat(made.audio().orElseThrow().codec()).isEqualTo("aac");
        assertThat(made.audio().orElseThrow().sampleRate()).isEqualTo(48000);
        assertThat(made.duration().orElseThrow()).isCloseTo(source.duration().orElseThrow(), within(0.05));
    }

    @Test
    void streamsFlvCannotHoldAreReEncodedToH264AndAac() {
        Path mpeg4 = make("other codecs.mkv", "-f", "lavfi", "-i", "testsrc2=s=160x90:r=25", "-f", "lavfi",
                "-i", "sine=sample_rate=48000", "-t", "2", "-c:v", "mpeg4", "-c:a", "libopus");
        Path flv = directory.resolve("download.flv");

        FfmpegFlvRemuxer.Outcome outcome = remuxer.remux(mpeg4, flv);

        assertThat(outcome).isEqualTo(new FfmpegFlvRemuxer.Outcome.Made(false, false));
        MediaInfo made = probed(flv);
        assertThat(made.video().orElseThrow().codec()).isEqualTo("h264");
        assertThat(made.audio().orElseThrow().codec()).isEqualTo("aac");
        assertThat(made.duration().orElseThrow()).isCloseTo(2.0, within(0.1));
    }

    @Test
    void mp3SoundIsCopiedAtTheRatesFlvNamesAndReEncodedAtOthers() {
        Path at44 = make("mp3 44100.mp4", "-f", "lavfi", "-i", "color=c=blue:s=160x90:r=25", "-f", "lavfi",
                "-i", "sine=sample_rate=44100", "-t", "1", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "libmp3lame");
        Path at32 = make("mp3 32000.mp4", "-f", "lavfi", "-i", "color=c=blue:s=160x90:r=25", "-f", "lavfi",
                "-i", "sine=sample_rate=32000", "-t", "1", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "libmp3lame");

        assertThat(remuxer.remux(at44, directory.resolve("44.flv"))).isEqualTo(new FfmpegFlvRemuxer.Outcome.Made(true, true));
        assertThat(probed(directory.resolve("44.flv")).audio().orElseThrow().codec()).isEqualTo("mp3");
        assertThat(remuxer.remux(at32, directory.resolve("32.flv"))).isEqualTo(new FfmpegFlvRemuxer.Outcome.Made(true, false));
        assertThat(probed(directory.resolve("32.flv")).audio().orElseThrow().codec()).isEqualTo("aac");
    }

    @Test
    void aVideoWithoutSoundMakesAnFlvWithoutSound() {
        Path mp4 = make("silent.mp4", "-f", "lavfi", "-i", "color=c=red:s=160x90:r=25", "-t", "1",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        Path flv = directory.resolve("silent.flv");

        assertThat(remuxer.remux(mp4, flv)).isEqualTo(new FfmpegFlvRemuxer.Outcome.Made(true, true));
        assertThat(probed(flv).hasAudio()).isFalse();
    }

    @Test
    void aFileThatIsNoMediaIsAFailureNamingNoPath() throws IOException {
        Path notMedia = Files.writeString(directory.resolve("not a video.mp4"), "this is text\n");

        FfmpegFlvRemuxer.Outcome outcome = remuxer.remux(notMedia, directory.resolve("x.flv"));

        assertThat(outcome).isInstanceOf(FfmpegFlvRemuxer.Outcome.Failed.class);
        assertThat(((FfmpegFlvRemuxer.Outcome.Failed) outcome).reason()).doesNotContain(directory.toString());
        assertThat(directory.resolve("x.flv")).doesNotExist();
    }
}
