package dev.reelforge.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The bundled ffmpeg, extracted once per test run, and a way to run it that fails the test when ffmpeg does. */
final class TestFfmpeg {

    static final Path EXECUTABLE = BundledFfmpeg.extractTo(Path.of("target", "test-ffmpeg"));

    private TestFfmpeg() {}

    /** Runs ffmpeg quietly; returns what it said on stderr. */
    static String run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y"));
        command.addAll(List.of(arguments));
        FfmpegProcess.Outcome outcome = new FfmpegProcess(EXECUTABLE, Duration.ofSeconds(60), 1 << 20)
                .run(command, null);
        assertThat(outcome.succeeded()).as("ffmpeg %s\n%s", command, outcome.stderr()).isTrue();
        return outcome.stderr();
    }
}
