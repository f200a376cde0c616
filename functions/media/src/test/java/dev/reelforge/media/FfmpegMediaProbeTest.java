package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe.ProbeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe on files ffmpeg just made (and on two it cannot read). */
class FfmpegMediaProbeTest {

    @TempDir
    Path directory;

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
        assertThat(result).isInstanceOf(ProbeResult.Probed.class);
        return ((ProbeResult.Probed) result).info();
    }

    @Test
    void probesAnMp4WithSound() throws IOException {
        Path file = make("with sound: yes.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=30", "-f", "lavfi",
                "-i", "sine=sample_rate=48000", "-t", "1.5", "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-ac", "2");

        MediaInfo info = probed(file);

        assertThat(info.duration().orElseThrow()).isCloseTo(1.5, within(0.05));
        assertThat(info.video()).contains(new MediaInfo.VideoStream(320, 180, 30, "h264"));
        assertThat(info.audio()).contains(new MediaInfo.AudioStream(48000, 2, "aac"));
        assertThat(info.bytes()).isEqualTo(Files.size(file));
    }

    @Test
    void probesAnMp4WithoutSound() {
        MediaInfo info = probed(make("silent.mp4", "-f", "lavfi", "-i", "testsrc2=s=160x90:r=25", "-t", "1",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"));

        assertThat(info.duration().orElseThrow()).isCloseTo(1, within(0.05));
        assertThat(info.video()).contains(new MediaInfo.VideoStream(160, 90, 25, "h264"));
        assertThat(info.hasAudio()).isFalse();
    }

    @Test
    void probesAPortraitPhoneVideoAtItsUprightSize() {
        Path landscape = make("landscape.mp4", "-f", "lavfi", "-i", "testsrc2=s=320x180:r=25", "-t", "1",
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");

        MediaInfo info = probed(make("portrait.mp4", "-i", landscape.toString(), "-c", "copy",
                "-metadata:s:v:0", "rotate=90"));

        assertThat(info.video()).get().extracting(MediaInfo.VideoStream::width, MediaInfo.VideoStream::height)
                .containsExactly(180, 320);
    }

    @Test
    void probesAWav() {
        MediaInfo info = probed(make("tone.wav", "-f", "lavfi", "-i", "sine=sample_rate=44100", "-t", "2"));

        assertThat(info.duration()).hasValue(2);
        assertThat(info.hasVideo()).isFalse();
        assertThat(info.audio()).contains(new MediaInfo.AudioStream(44100, 1, "pcm_s16le"));
    }

    @Test
    void probesAnMp3() {
        MediaInfo info = probed(make("tone.mp3", "-f", "lavfi", "-i", "sine=sample_rate=44100", "-t", "2",
                "-ac", "2", "-c:a", "libmp3lame"));

        assertThat(info.duration().orElseThrow()).isCloseTo(2, within(0.1));
        assertThat(info.audio()).contains(new MediaInfo.AudioStream(44100, 2, "mp3"));
    }

    @Test
    void probesAPngAsAStillPicture() {
        MediaInfo info = probed(make("red.png", "-f", "lavfi", "-i", "color=red:s=64x48", "-frames:v", "1"));

        assertThat(info.duration()).isEmpty();
        assertThat(info.video()).get().extracting(MediaInfo.VideoStream::width, MediaInfo.VideoStream::height,
                MediaInfo.VideoStream::codec).containsExactly(64, 48, "png");
        assertThat(info.hasAudio()).isFalse();
    }

    @Test
    void probesAJpegAsAStillPicture() {
        MediaInfo info = probed(make("red.jpg", "-f", "lavfi", "-i", "color=red:s=100x60", "-frames:v", "1"));

        assertThat(info.duration()).isEmpty();
        assertThat(info.video()).get().extracting(MediaInfo.VideoStream::width, MediaInfo.VideoStream::height,
                MediaInfo.VideoStream::codec).containsExactly(100, 60, "mjpeg");
    }

    @Test
    void saysATextFileIsNotMedia() throws IOException {
        Path file = Files.writeString(directory.resolve("notes.mp4"), "just some words\n");

        assertThat(probe.probe(file)).isEqualTo(new ProbeResult.Unreadable(
                "not a media file ffmpeg can read: Invalid data found when processing input"));
    }

    @Test
    void saysAnEmptyFileIsNotMedia() throws IOException {
        Path file = Files.createFile(directory.resolve("empty.mov"));

        ProbeResult result = probe.probe(file);

        assertThat(result).isInstanceOf(ProbeResult.Unreadable.class);
        assertThat(((ProbeResult.Unreadable) result).reason()).startsWith("not a media file ffmpeg can read");
    }
}
