package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledFfmpegTest {

    @TempDir
    Path directory;

    @Test
    void extractsAnFfmpegThatRuns() {
        Path ffmpeg = BundledFfmpeg.extractTo(directory.resolve("bin"));

        assertThat(ffmpeg).isExecutable().hasParent(directory.resolve("bin"));
        FfmpegProcess.Outcome outcome = new FfmpegProcess(ffmpeg, Duration.ofSeconds(30), 4096)
                .run(List.of("-hide_banner", "-f", "lavfi", "-i", "nullsrc", "-frames:v", "1", "-f", "null", "-"), null);
        assertThat(outcome.succeeded()).as(outcome.stderr()).isTrue();
    }

    @Test
    void reusesAnExtractedFfmpeg() throws IOException {
        Path ffmpeg = BundledFfmpeg.extractTo(directory);
        FileTime earlier = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(ffmpeg, earlier);

        assertThat(BundledFfmpeg.extractTo(directory)).isEqualTo(ffmpeg);
        assertThat(Files.getLastModifiedTime(ffmpeg)).isEqualTo(earlier);
    }

    @Test
    void replacesAFileThatIsNotTheBundledFfmpeg() throws IOException {
        Files.writeString(directory.resolve("ffmpeg"), "#!/bin/sh\necho impostor\n");

        Path ffmpeg = BundledFfmpeg.extractTo(directory);

        assertThat(Files.size(ffmpeg)).isGreaterThan(10_000_000);
        assertThat(ffmpeg).isExecutable();
    }
}
