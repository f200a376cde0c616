package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelforge.core.media.MediaInfo;
import dev.reelforge.core.media.MediaProbe.ProbeResult;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The parser on what ffmpeg 4.4 printed for real files. */
class FfmpegInputDumpTest {

    private static final String INPUT = "file:/tmp/in";

    private static MediaInfo probed(String stderr) {
        ProbeResult result = FfmpegInputDump.parse(stderr, INPUT, 1234);
        assertThat(result).isInstanceOf(ProbeResult.Probed.class);
        return ((ProbeResult.Probed) result).info();
    }

    @Test
    void readsAVideoWithSound() {
        MediaInfo info = probed("""
                Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:/tmp/in':
                  Metadata:
                    major_brand     : isom
                    minor_version   : 512
                    compatible_brands: isomiso2avc1mp41
                    encoder         : Lavf58.76.100
                  Duration: 00:01:02.50, start: 0.000000, bitrate: 311 kb/s
                  Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 320x180 [SAR 1:1 DAR 16:9], 224 kb/s, 25 fps, 25 tbr, 12800 tbn, 50 tbc (default)
                    Metadata:
                      handler_name    : VideoHandler
                      vendor_id       : [0][0][0][0]
                  Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 74 kb/s (default)
                    Metadata:
                      handler_name    : SoundHandler
                      vendor_id       : [0][0][0][0]
                At least one output file must be specified
                """);

        assertThat(info).isEqualTo(new MediaInfo(OptionalDouble.of(62.5),
                Optional.of(new MediaInfo.VideoStream(320, 180, 25, "h264")),
                Optional.of(new MediaInfo.AudioStream(44100, 1, "aac")), 1234));
    }

    @Test
    void readsAFractionalFrameRateAndSoundAfterPicture() {
        MediaInfo info = probed("""
                Input #0, matroska,webm, from 'file:/tmp/in':
                  Metadata:
                    ENCODER         : Lavf58.76.100
                  Duration: 00:00:01.03, start: 0.000000, bitrate: 359 kb/s
                  Stream #0:0: Video: h264 (High), yuv420p(progressive), 320x240 [SAR 1:1 DAR 4:3], 23.98 fps, 23.98 tbr, 1k tbn, 47.95 tbc (default)
                    Metadata:
                      ENCODER         : Lavc58.134.100 libx264
                      DURATION        : 00:00:01.026000000
                  Stream #0:1: Audio: mp3, 44100 Hz, mono, fltp, 64 kb/s (default)
                At least one output file must be specified
                """);

        assertThat(info.duration()).hasValue(1.03);
        assertThat(info.video()).contains(new MediaInfo.VideoStream(320, 240, 23.98, "h264"));
        assertThat(info.audio()).contains(new MediaInfo.AudioStream(44100, 1, "mp3"));
    }

    @Test
    void readsAQuarterTurnedVideoAtTheSizeItIsShown() {
        MediaInfo info = probed("""
                Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:/tmp/in':
                  Duration: 00:00:02.00, start: 0.000000, bitrate: 244 kb/s
                  Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 320x180 [SAR 1:1 DAR 16:9], 238 kb/s, 29.97 fps, 29.97 tbr, 30k tbn, 59.94 tbc (default)
                    Metadata:
                      rotate          : 270
                      handler_name    : VideoHandler
                      vendor_id       : [0][0][0][0]
                    Side data:
                      displaymatrix: rotation of 90.00 degrees
                  Stream #0:1(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, mono, fltp, 74 kb/s (default)
                At least one output file must be specified
                """);

        assertThat(info.video()).contains(new MediaInfo.VideoStream(180, 320, 29.97, "h264"));
    }

    @Test
    void readsNonSquarePixelsAtTheWidthTheyAreShown() {
        MediaInfo info = probed("""
                Input #0, mpeg, from 'file:/tmp/in':
                  Duration: 00:00:10.00, start: 0.500000, bitrate: 4000 kb/s
                  Stream #0:0[0x1e0]: Video: mpeg2video (Main), yuv420p(tv, progressive), 720x576 [SAR 16:15 DAR 4:3], 25 fps, 25 tbr, 90k tbn, 50 tbc
                  Stream #0:1[0x1c0]: Audio: mp2, 48000 Hz, stereo, s16p, 192 kb/s
                At least one output file must be specified
                """);

        assertThat(info.video()).contains(new MediaInfo.VideoStream(768, 576, 25, "mpeg2video"));
        assertThat(info.audio()).contains(new MediaInfo.AudioStream(48000, 2, "mp2"));
    }

    @Test
    void readsASoundFileAsSoundOnly() {
        MediaInfo info = probed("""
                Guessed Channel Layout for Input Stream #0.0 : mono
                Input #0, wav, from 'file:/tmp/in':
                  Metadata:
                    encoder         : Lavf58.76.100
                  Duration: 00:00:02.00, bitrate: 705 kb/s
                  Stream #0:0: Audio: pcm_s16le ([1][0][0][0] / 0x0001), 44100 Hz, mono, s16, 705 kb/s
                At least one output file must be specified
                """);

        assertThat(info).isEqualTo(new MediaInfo(OptionalDouble.of(2), Optional.empty(),
                Optional.of(new MediaInfo.AudioStream(44100, 1, "pcm_s16le")), 1234));
    }

    @Test
    void ignoresCoverArtInASoundFile() {
        MediaInfo info = probed("""
                Input #0, mp3, from 'file:/tmp/in':
                  Metadata:
                    encoder         : Lavf58.76.100
                  Duration: 00:00:02.04, start: 0.025056, bitrate: 130 kb/s
                  Stream #0:0: Audio: mp3, 44100 Hz, stereo, fltp, 128 kb/s
                    Metadata:
                      encoder         : Lavc58.13
                  Stream #0:1: Video: png, rgb24(pc), 64x48 [SAR 1:1 DAR 4:3], 90k tbr, 90k tbn, 90k tbc (attached pic)
                    Metadata:
                      comment         : Other
                At least one output file must be specified
                """);

        assertThat(info.hasVideo()).isFalse();
        assertThat(info.audio()).contains(new MediaInfo.AudioStream(44100, 2, "mp3"));
        assertThat(info.duration()).hasValue(2.04);
    }

    @Test
    void readsSurroundSound() {
        MediaInfo info = probed("""
                Guessed Channel Layout for Input Stream #0.0 : 5.1
                Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:/tmp/in':
                  Duration: 00:00:01.00, start: 0.000000, bitrate: 404 kb/s
                  Stream #0:0(und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, 5.1, fltp, 396 kb/s (default)
                At least one output file must be specified
                """);

        assertThat(info.audio()).contains(new MediaInfo.AudioStream(44100, 6, "aac"));
    }

    @ParameterizedTest
    @CsvSource({
            "png_pipe, 'png, rgb24(pc), 64x48 [SAR 1:1 DAR 4:3], 25 fps, 25 tbr, 25 tbn, 25 tbc', N/A, png",
            "jpeg_pipe, 'mjpeg (Baseline), yuvj420p(pc, bt470bg/unknown/unknown), 64x48 [SAR 1:1 DAR 4:3], 25 fps, 25 tbr, 25 tbn, 25 tbc', N/A, mjpeg",
            "bmp_pipe, 'bmp, bgr24, 64x48, 25 fps, 25 tbr, 25 tbn, 25 tbc', N/A, bmp",
            "image2, 'targa, bgr24, 64x48, 25 fps, 25 tbr, 25 tbn, 25 tbc', '00:00:00.04, start: 0.000000, bitrate: 47 kb/s', targa",
            "gif, 'gif, bgra, 64x48 [SAR 64:64 DAR 4:3], 10 tbr, 100 tbn, 100 tbc', '00:00:00.10, start: 0.000000, bitrate: 79 kb/s', gif"
    })
    void readsAStillImageAsAPictureWithoutDuration(String demuxer, String stream, String duration, String codec) {
        MediaInfo info = probed("Input #0, " + demuxer + ", from 'file:/tmp/in':\n"
                + "  Duration: " + duration + "\n"
                + "  Stream #0:0: Video: " + stream + "\n"
                + "At least one output file must be specified\n");

        assertThat(info.duration()).isEmpty();
        assertThat(info.video()).get().extracting(MediaInfo.VideoStream::width, MediaInfo.VideoStream::height,
                MediaInfo.VideoStream::codec).containsExactly(64, 48, codec);
        assertThat(info.hasAudio()).isFalse();
    }

    @Test
    void readsAnAnimatedGifAsAVideo() {
        MediaInfo info = probed("""
                Input #0, gif, from 'file:/tmp/in':
                  Duration: 00:00:01.00, start: 0.000000, bitrate: 20 kb/s
                  Stream #0:0: Video: gif, bgra, 64x48 [SAR 64:64 DAR 4:3], 10 fps, 10 tbr, 100 tbn, 100 tbc
                At least one output file must be specified
                """);

        assertThat(info.duration()).hasValue(1);
        assertThat(info.video()).contains(new MediaInfo.VideoStream(64, 48, 10, "gif"));
    }

    @Test
    void saysWhyAFileIsNotMedia() {
        ProbeResult result = FfmpegInputDump.parse("file:/tmp/in: Invalid data found when processing input\n", INPUT, 5);

        assertThat(result).isEqualTo(new ProbeResult.Unreadable(
                "not a media file ffmpeg can read: Invalid data found when processing input"));
    }

    @Test
    void refusesAFileWithNeitherPictureNorSound() {
        ProbeResult result = FfmpegInputDump.parse("""
                Input #0, srt, from 'file:/tmp/in':
                  Duration: N/A, bitrate: N/A
                  Stream #0:0: Subtitle: subrip
                At least one output file must be specified
                """, INPUT, 5);

        assertThat(result).isInstanceOf(ProbeResult.Unreadable.class);
        assertThat(((ProbeResult.Unreadable) result).reason()).contains("no picture or sound");
    }

    @ParameterizedTest
    @CsvSource({"mono, 1", "stereo, 2", "2.1, 3", "quad, 4", "5.1, 6", "5.1(side), 6", "7.1(wide), 8", "hexagonal, 6",
            "3 channels, 3", "16 channels, 16"})
    void countsTheChannelsOfALayout(String layout, int channels) {
        assertThat(FfmpegInputDump.channels(layout)).isEqualTo(channels);
    }
}
