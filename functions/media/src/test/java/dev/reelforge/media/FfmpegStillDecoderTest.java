package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding whole stills: images ffmpeg just made decode; the same images cut short do not. */
class FfmpegStillDecoderTest {

    @TempDir
    Path directory;

    private final FfmpegStillDecoder decoder = new FfmpegStillDecoder(TestFfmpeg.EXECUTABLE, Duration.ofSeconds(30));

    private Path image(String name) {
        Path file = directory.resolve(name);
        TestFfmpeg.run("-f", "lavfi", "-i", "testsrc2=s=320x240", "-frames:v", "1", file.toString());
        return file;
    }

    private Path cutShort(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return Files.write(directory.resolve("short-" + file.getFileName()), Arrays.copyOf(bytes, bytes.length * 3 / 4));
    }

    @Test
    void wholeJpegsAndPngsDecode() {
        assertThat(decoder.failure(image("whole.jpg"))).isEmpty();
        assertThat(decoder.failure(image("whole.png"))).isEmpty();
    }

    @Test
    void imagesCutShortDoNotThoughTheirHeadersAreWhole() throws IOException {
        assertThat(decoder.failure(cutShort(image("cut.jpg")))).hasValue(
                "the image does not decode (it is damaged or cut short)");
        assertThat(decoder.failure(cutShort(image("cut.png")))).isPresent();
    }
}
