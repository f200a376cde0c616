package dev.reelforge.local.bench;

import dev.reelforge.core.edit.model.FontFace;
import dev.reelforge.media.LiberationFonts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The baseline: a scenario's composition as one hand-written ffmpeg command, from the same local source files
 * straight to a final MP4 with the settings of the pipeline's final output ({@link RenderScenario#FINAL_ENCODE}).
 */
final class RenderBaseline {

    /** One run: the wall time of the ffmpeg process, the speed ffmpeg reported at its end, CPU used. */
    record Result(double seconds, Optional<Double> ffmpegSpeed, Optional<RenderProcessWatch.Cpu> cpu) {}

    private final Path ffmpeg;
    private final Path directory;
    private final List<String> command;

    RenderBaseline(Path ffmpeg, RenderScenario scenario, Path media, Path directory) {
        this.ffmpeg = ffmpeg;
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            // The face the pipeline draws a "minimal" title with, where the graph expects it.
            Path font = new LiberationFonts(directory.resolve("fonts")).file(FontFace.SANS_REGULAR);
            for (Map.Entry<String, String> file : scenario.baselineFiles().entrySet()) {
                Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            Files.writeString(directory.resolve("graph.txt"),
                    scenario.baselineGraph("fonts/" + font.getFileName()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the baseline in " + directory, e);
        }
        List<String> arguments = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-y",
                "-loglevel", "error", "-nostats", "-progress", "progress.txt"));
        arguments.addAll(scenario.baselineInputs(media));
        arguments.addAll(List.of("-filter_complex_script", "graph.txt", "-map", "[v]", "-map", "[s]"));
        arguments.addAll(RenderScenario.FINAL_ENCODE);
        arguments.add(output().getFileName().toString());
        this.command = List.copyOf(arguments);
    }

    /** The command, as run in {@link #directory()}. */
    List<String> command() {
        return command;
    }

    Path directory() {
        return directory;
    }

    Path output() {
        return directory.resolve("baseline.mp4");
    }

    String graph() {
        try {
            return Files.readString(directory.resolve("graph.txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run() throws IOException, InterruptedException {
        Path log = directory.resolve("ffmpeg.log");
        Files.deleteIfExists(output());
        Optional<RenderProcessWatch.Cpu> before = RenderProcessWatch.Cpu.read();
        double seconds = Machine.runTimed(command, directory, log, "the baseline ffmpeg");
        Optional<RenderProcessWatch.Cpu> after = RenderProcessWatch.Cpu.read();
        Optional<RenderProcessWatch.Cpu> cpu = before.flatMap(earlier -> after.map(later -> later.minus(earlier)));
        return new Result(seconds, speed(), cpu);
    }

    /** The last {@code speed=} of ffmpeg's progress report, e.g. 5.2 for "5.2x". */
    private Optional<Double> speed() throws IOException {
        Path progress = directory.resolve("progress.txt");
        if (!Files.isRegularFile(progress)) {
            return Optional.empty();
        }
        return Files.readAllLines(progress, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("speed=") && line.endsWith("x"))
                .reduce((first, second) -> second)
                .flatMap(line -> {
                    try {
                        return Optional.of(Double.parseDouble(line.substring(6, line.length() - 1).trim()));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                });
    }
}
